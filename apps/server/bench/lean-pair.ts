// One duo pair of the load generator, as lean as a real client's traffic allows. The SDK joins (the
// real matchmaking and handshake); after that the pair's two sockets are driven directly:
// - both players are dealt the same pieces, so one engine and one `QuickBot` play for both, and each
//   batch is written once for both sockets;
// - the sockets are read directly (`leanReads`): state patches are only counted (no copy, no
//   decoding); every other message goes to the SDK as usual;
// - each batch is written as the SDK's `room.send` writes it, without its packer (`writeInputs`),
//   framed and masked once, and written to both sockets as is (`leanWrites`).
// What the server gets is what two browsers playing the same game would send.
import { randomFillSync } from 'node:crypto';
import type { Socket } from 'node:net';
import { Client, Protocol, type Room } from '@colyseus/sdk';
import { encode } from '@colyseus/schema';
import { Game, PieceQueue } from '@tengen/engine';
import {
  FRAMES_PER_SECOND,
  InputBatcher,
  MAX_BATCH_RUNS,
  type RoomStateShape,
} from '@tengen/protocol';
import { QuickBot } from './quick-bot.ts';

/** What the pair reports to its worker. */
export interface PairEvents {
  /** A message the server sent one of the pair's players (`error`, `unranked`, `start`, ...). */
  onMessage(pair: LeanPair, type: string, payload: unknown): void;
}

interface WsLike {
  binaryType: string;
  onmessage: ((ev: { data: unknown }) => void) | null;
  on(event: 'message', listener: (data: Buffer) => void): void;
  send(data: Uint8Array): void;
  readyState: number;
  _socket?: Socket | null;
  _extensions?: Record<string, unknown>;
  /** `ws` 8's receiver: between frames (state 0) with nothing buffered, it holds no part of one. */
  _receiver?: { _state?: number; _bufferedBytes?: number } | null;
}

const socketOf = (room: Room) => (room.connection.transport as unknown as { ws: WsLike }).ws;

/** Frames a state patch or full state starts with (see `streamlineSends` on the server). */
const isState = (code: number) =>
  code === Protocol.ROOM_STATE || code === Protocol.ROOM_STATE_PATCH;

/** FIN and the binary opcode: a whole binary message in one frame. */
const FIN_BINARY = 0x82;

/**
 * Cuts whole unmasked binary frames (RFC 6455 section 5.2) out of a server's socket reads and hands
 * their payloads to `deliver`; a frame split across reads waits for its rest.
 */
export class FrameCutter {
  #held: Buffer | null = null;
  readonly #deliver: (payload: Buffer) => void;

  constructor(deliver: (payload: Buffer) => void) {
    this.#deliver = deliver;
  }

  /**
   * Reads `chunk`: null when every frame in it was a whole binary one or is waiting for its rest;
   * otherwise the bytes from the first frame of another kind (a close, a ping, a fragment) on,
   * which this cutter does not read (nor anything after them).
   */
  push(chunk: Buffer): Buffer | null {
    const b: Buffer = this.#held ? Buffer.concat([this.#held, chunk]) : chunk;
    this.#held = null;
    let at = 0;
    while (b.length - at >= 2) {
      const second = b[at + 1]!;
      if (b[at] !== FIN_BINARY || (second & 0x80) !== 0 || (second & 0x7f) === 127)
        return b.subarray(at);
      let length = second & 0x7f;
      let head = 2;
      if (length === 126) {
        if (b.length - at < 4) break;
        length = b.readUInt16BE(at + 2);
        head = 4;
      }
      if (b.length - at < head + length) break;
      this.#deliver(b.subarray(at + head, at + head + length));
      at += head + length;
    }
    if (at < b.length) this.#held = b.subarray(at);
    return null;
  }
}

/**
 * Takes over `room`'s socket reads: state frames are counted and dropped; the rest reach the SDK as
 * the `ArrayBuffer` it expects. Whole unmasked binary frames (all the server sends while playing)
 * are cut out of the socket's reads here, a frame split across reads waiting for its rest, without
 * `ws`'s receiver (a parsing stream and two events a message); at the first frame of any other kind (a close, a ping) the socket goes back to `ws` for
 * good, from that frame on.
 */
function leanReads(room: Room, counts: { patches: number; direct: number }): void {
  const ws = socketOf(room);
  const sdk = ws.onmessage;
  ws.onmessage = null;
  ws.binaryType = 'nodebuffer';
  const deliver = (data: Buffer) => {
    if (isState(data[0]! & 0x1f)) {
      counts.patches++;
      return;
    }
    const copy = data.buffer.slice(data.byteOffset, data.byteOffset + data.length);
    sdk?.({ data: copy });
  };
  ws.on('message', deliver);
  const socket = ws._socket;
  const original = socket?.rawListeners('data')[0] as ((chunk: Buffer) => void) | undefined;
  const idle = ws._receiver?._state === 0 && ws._receiver._bufferedBytes === 0;
  if (!socket || !idle || socket.listenerCount('data') !== 1 || original?.name !== 'socketOnData')
    return;
  const cut = new FrameCutter((data) => {
    counts.direct++;
    deliver(data);
  });
  const onData = (chunk: Buffer) => {
    const rest = cut.push(chunk);
    if (rest === null) return;
    socket.removeListener('data', onData);
    socket.on('data', original);
    original.call(socket, rest);
  };
  socket.removeListener('data', original);
  socket.on('data', onData);
}

/** What the SDK's `room.send('inputs', ...)` starts with: the protocol's ROOM_DATA and the type. */
const INPUTS_HEADER = (() => {
  const bytes = new Uint8Array(16);
  const it = { offset: 1 };
  bytes[0] = Protocol.ROOM_DATA;
  encode.string(bytes, 'inputs', it);
  return bytes.slice(0, it.offset);
})();
/** msgpackr's record of the keys `from` and `runs` (ext type 'r', record id 0x40), as it packs a batch. */
const RECORD = [0xd4, 0x72, 0x40, 0x92, 0xa4, 0x66, 0x72, 0x6f, 0x6d, 0xa4, 0x72, 0x75, 0x6e, 0x73];

/**
 * A msgpack unsigned integer as msgpackr writes it with records on (a fixint only below 0x40, the
 * bytes 0x40-0x7f being record ids to its reader) at `at`; returns the end.
 */
function writeUint(out: Uint8Array, at: number, v: number): number {
  if (v < 0x40) out[at++] = v;
  else if (v < 0x100) {
    out[at++] = 0xcc;
    out[at++] = v;
  } else if (v < 0x10000) {
    out[at++] = 0xcd;
    out[at++] = v >> 8;
    out[at++] = v & 0xff;
  } else {
    out[at++] = 0xce;
    out[at++] = v >>> 24;
    out[at++] = (v >> 16) & 0xff;
    out[at++] = (v >> 8) & 0xff;
    out[at++] = v & 0xff;
  }
  return at;
}

/** Room for an `inputs` message of `runs` runs: the header, the record, `from` and 6 bytes a run. */
export const inputsBytes = (runs: number) => INPUTS_HEADER.length + RECORD.length + 8 + 6 * runs;
/** The one buffer batches are written into (a batch has at most MAX_BATCH_RUNS runs). */
const scratch = Buffer.alloc(inputsBytes(MAX_BATCH_RUNS));

/**
 * An `inputs` message byte for byte as the SDK's `room.send('inputs', batch)` writes it (its header,
 * then msgpackr's record of `from` and `runs`), into `out` from 0; returns its length. msgpackr's
 * generic packer was a seventh of the generator's busy time; `lean-pair.spec.ts` compares the two
 * on random batches. `out` must hold `inputsBytes(batch.runs.length)`.
 */
export function writeInputs(
  batch: { from: number; runs: [number, number][] },
  out: Uint8Array,
): number {
  out.set(INPUTS_HEADER, 0);
  let at = INPUTS_HEADER.length;
  out.set(RECORD, at);
  at = writeUint(out, at + RECORD.length, batch.from);
  const n = batch.runs.length;
  if (n < 16) out[at++] = 0x90 | n;
  else {
    out[at++] = 0xdc;
    out[at++] = n >> 8;
    out[at++] = n & 0xff;
  }
  for (const [count, buttons] of batch.runs) {
    out[at++] = 0x92;
    at = writeUint(out, at, count);
    at = writeUint(out, at, buttons);
  }
  return at;
}

/**
 * Random mask keys, refilled 2,048 at a time, as `ws` pools them (one `randomFillSync` a frame was
 * 7 % of the generator's CPU profile).
 */
const masks = Buffer.alloc(8192);
let maskAt = masks.length;

/**
 * Writes `data` as one masked binary frame to both players' sockets (RFC 6455 section 5.2: a
 * client masks; the key is random per frame), as `ws` would frame it but once for both and in one
 * buffer; a socket `ws` must write to itself (closing, compressing) gets `ws.send`.
 */
function leanWrites(data: Uint8Array, sockets: readonly WsLike[]): void {
  const n = data.length;
  const head = n < 126 ? 2 : 4;
  const frame = Buffer.allocUnsafe(head + 4 + n);
  frame[0] = FIN_BINARY;
  if (head === 2) frame[1] = 0x80 | n;
  else {
    frame[1] = 0x80 | 126;
    frame.writeUInt16BE(n, 2);
  }
  if (maskAt + 4 > masks.length) {
    randomFillSync(masks);
    maskAt = 0;
  }
  masks.copy(frame, head, maskAt, maskAt + 4);
  maskAt += 4;
  for (let i = 0; i < n; i++) frame[head + 4 + i] = data[i]! ^ frame[head + (i & 3)]!;
  for (const ws of sockets) {
    if (ws.readyState !== 1) continue;
    const socket = ws._socket;
    if (!socket || n >= 65536 || ws._extensions?.['permessage-deflate'] !== undefined)
      ws.send(Buffer.from(data)); // a copy: `ws` may hold it, and `data` is reused
    else socket.write(frame);
  }
}

/** A duo room with two lean players (host and guest) and their one shared game. */
export class LeanPair {
  readonly host: Room<unknown, RoomStateShape>;
  readonly guest: Room<unknown, RoomStateShape>;
  /** State patches counted, batches written, and messages read without `ws` (`leanReads`). */
  readonly counts = { patches: 0, batches: 0, direct: 0 };
  /** The current game (both players'), its pieces and batcher; undefined between games. */
  game: Game | undefined;
  /** `performance.now()` when the current game's frame 0 was due. */
  startedAt = 0;
  /** The game ended (ms) and the pair waits to ask for a rematch. */
  overAt: number | undefined;
  askedAt = 0;
  /** Set once a batch was refused as out of order: the pair is then replaced. */
  broken = false;
  closed = false;
  #pieces = new PieceQueue();
  #batcher = new InputBatcher();
  #bot = new QuickBot();

  private constructor(host: Room<unknown, RoomStateShape>, guest: Room<unknown, RoomStateShape>) {
    this.host = host;
    this.guest = guest;
  }

  /** Creates a private duo room at `url` and seats two players in it (one network per pair). */
  static async open(
    url: string,
    level: number,
    headers: Record<string, string>,
    events: PairEvents,
  ): Promise<LeanPair> {
    const client = new Client(url, { headers });
    const host = await client.create<RoomStateShape>('duo', { private: true, watchSelf: false });
    const guest = await client.joinById<RoomStateShape>(host.roomId, { watchSelf: false });
    const pair = new LeanPair(host, guest);
    for (const room of [host, guest]) {
      leanReads(room, pair.counts);
      room.onMessage('*', (type, payload) => {
        if (room === host) pair.#onHostMessage(String(type), payload);
        events.onMessage(pair, String(type), payload);
      });
      room.onLeave(() => {
        pair.closed = true;
      });
      room.send('selectLevel', { level });
      room.send('ready');
    }
    return pair;
  }

  /** Bytes read and written on both sockets so far. */
  get wire(): { read: number; written: number } {
    let read = 0;
    let written = 0;
    for (const room of [this.host, this.guest]) {
      const s = socketOf(room)._socket;
      read += s?.bytesRead ?? 0;
      written += s?.bytesWritten ?? 0;
    }
    return { read, written };
  }

  /**
   * Plays what the clock allows at `now` (no lead, as a browser at 60 fps), sending batches as the
   * browser's `InputBatcher` cuts them. A game out of pieces waits for the server's next ones.
   */
  advance(now: number): void {
    const game = this.game;
    if (game === undefined || this.closed || game.topOut) return;
    const due = Math.floor(((now - this.startedAt) * FRAMES_PER_SECOND) / 1000);
    while (game.frame < due && !game.topOut) {
      if (game.needsPiece) return;
      const buttons = this.#bot.next(game);
      game.step(buttons);
      const batch = this.#batcher.push(buttons);
      if (batch) this.#send(batch);
    }
    if (game.topOut) {
      const last = this.#batcher.flush();
      if (last) this.#send(last);
      this.overAt = now;
    }
  }

  /** Asks both seats for a rematch (once the game is over). */
  rematch(now: number): void {
    this.askedAt = now;
    this.host.send('rematch');
    this.guest.send('rematch');
  }

  async leave(): Promise<void> {
    await Promise.allSettled([this.host.leave(true), this.guest.leave(true)]);
  }

  #onHostMessage(type: string, payload: unknown): void {
    if (type === 'start') {
      const start = payload as { startLevel: number; pieces: number[]; engineVersion: number };
      this.#pieces = new PieceQueue();
      this.#pieces.add(0, start.pieces);
      this.game = new Game({
        startLevel: start.startLevel,
        pieces: this.#pieces,
        version: start.engineVersion as never,
      });
      this.#batcher = new InputBatcher();
      this.#bot = new QuickBot();
      this.startedAt = performance.now();
      this.overAt = undefined;
    } else if (type === 'pieces') {
      const more = payload as { from: number; types: number[] };
      this.#pieces.add(more.from, more.types);
    }
  }

  /** One batch, written once as the SDK would send it, framed once and written to both sockets. */
  #send(batch: { from: number; runs: [number, number][] }): void {
    const sockets = [socketOf(this.host), socketOf(this.guest)];
    if (batch.runs.length <= MAX_BATCH_RUNS)
      leanWrites(scratch.subarray(0, writeInputs(batch, scratch)), sockets);
    else for (const room of [this.host, this.guest]) room.send('inputs', batch);
    this.counts.batches += 2;
  }
}
