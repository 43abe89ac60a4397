import type { Client } from '@colyseus/core';

/** How often spectators get what happened in the room since the last time (4 times a second). */
export const SPECTATOR_FLUSH_MS = 250;

/** A spectator whose socket has this much unsent data is too slow to follow the game: closed. */
export const SPECTATOR_MAX_BACKLOG = 1 << 20;

/** The parts of a `ws` WebSocket and its net.Socket the outbox writes through. */
interface WsLike {
  readyState: number;
  _socket?: { write(b: Buffer): boolean; writableLength: number } | null;
  terminate(): void;
}

/** RFC 6455 header of an unmasked, final, binary frame (what a server sends) of `length` bytes. */
export function binaryFrameHeader(length: number): Buffer {
  if (length < 126) return Buffer.from([0x82, length]);
  if (length < 0x10000) return Buffer.from([0x82, 126, length >> 8, length & 0xff]);
  const h = Buffer.alloc(10);
  h[0] = 0x82;
  h[1] = 127;
  h.writeBigUInt64BE(BigInt(length), 2);
  return h;
}

/** Frames `messages` as consecutive WebSocket frames in one buffer. */
export function framed(messages: readonly Uint8Array[]): Buffer {
  const parts: Uint8Array[] = [];
  for (const m of messages) parts.push(binaryFrameHeader(m.length), m);
  return Buffer.concat(parts);
}

/**
 * Batches what a room sends its spectators: every message a spectator would be sent (state
 * patches, which all spectators share through one view, and the rest) is queued and written every
 * `SPECTATOR_FLUSH_MS` as WebSocket frames in one socket write. Spectators who are sent the same
 * messages (all of them, nearly always) share one framed buffer, so a patch costs one encode and
 * one framing for all of them, and each spectator one write four times a second rather than one
 * per patch. Order is kept: everything for a spectator goes through its queue.
 */
export class SpectatorOutbox {
  readonly #queues = new Map<Client, Uint8Array[]>();
  /**
   * Colyseus hands out patches as views of its reusable encode buffer: each is copied once, on
   * first sight (every spectator is handed the same view object), before the next encode reuses it.
   */
  #copies = new Map<Uint8Array, Uint8Array>();
  readonly #intervalMs: number;
  /** Runs only while the room has spectators. */
  #timer: NodeJS.Timeout | null = null;

  constructor(intervalMs = SPECTATOR_FLUSH_MS) {
    this.#intervalMs = intervalMs;
  }

  /** Routes everything `client` is sent through the outbox from now on. */
  add(client: Client): void {
    const queue: Uint8Array[] = [];
    this.#queues.set(client, queue);
    this.#timer ??= setInterval(() => this.flush(), this.#intervalMs);
    client.raw = (data, _options, cb) => {
      const view = data instanceof Uint8Array ? data : new Uint8Array(data as ArrayBuffer);
      let copy = this.#copies.get(view);
      if (copy === undefined)
        this.#copies.set(view, (copy = Uint8Array.prototype.slice.call(view)));
      queue.push(copy);
      cb?.();
    };
  }

  remove(client: Client): void {
    this.#queues.delete(client);
    if (this.#queues.size > 0 || this.#timer === null) return;
    clearInterval(this.#timer);
    this.#timer = null;
  }

  /** Writes every queued message out now. */
  flush(): void {
    this.#copies = new Map();
    let lastQueue: Uint8Array[] | null = null;
    let lastBuffer: Buffer | null = null;
    for (const [client, queue] of this.#queues) {
      if (queue.length === 0) continue;
      const ws = (client as unknown as { ref: WsLike }).ref;
      const socket = ws._socket;
      if (ws.readyState !== 1 || !socket) {
        queue.length = 0;
        continue;
      }
      if (socket.writableLength > SPECTATOR_MAX_BACKLOG) {
        queue.length = 0;
        ws.terminate();
        continue;
      }
      if (lastQueue === null || !sameMessages(lastQueue, queue)) {
        lastBuffer = framed(queue);
        lastQueue = queue.slice();
      }
      socket.write(lastBuffer!);
      queue.length = 0;
    }
  }

  dispose(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    this.#queues.clear();
  }
}

function sameMessages(a: readonly Uint8Array[], b: readonly Uint8Array[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
