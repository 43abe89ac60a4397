// One duo pair of the load generator, as lean as a real client's traffic allows. The SDK joins (the
// real matchmaking and handshake); after that the pair's two sockets are driven directly:
// - both players are dealt the same pieces, so one engine and one `QuickBot` play for both, and each
//   batch is encoded once (by the SDK's own `room.send`) and written to both sockets;
// - frames arrive as Node buffers and state patches are only counted (no copy, no decoding); every
//   other message goes to the SDK as usual.
// What the server gets is what two browsers playing the same game would send.
import { Client, Protocol, type Room } from '@colyseus/sdk';
import { Game, PieceQueue } from '@tengen/engine';
import { FRAMES_PER_SECOND, InputBatcher, type RoomStateShape } from '@tengen/protocol';
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
  _socket?: { bytesRead: number; bytesWritten: number } | null;
}

const socketOf = (room: Room) => (room.connection.transport as unknown as { ws: WsLike }).ws;

/** Frames a state patch or full state starts with (see `streamlineSends` on the server). */
const isState = (code: number) =>
  code === Protocol.ROOM_STATE || code === Protocol.ROOM_STATE_PATCH;

/**
 * Takes over `room`'s socket reads: state frames are counted and dropped; the rest reach the SDK as
 * the `ArrayBuffer` it expects.
 */
function leanReads(room: Room, counts: { patches: number }): void {
  const ws = socketOf(room);
  const sdk = ws.onmessage;
  ws.onmessage = null;
  ws.binaryType = 'nodebuffer';
  ws.on('message', (data: Buffer) => {
    if (isState(data[0]! & 0x1f)) {
      counts.patches++;
      return;
    }
    const copy = data.buffer.slice(data.byteOffset, data.byteOffset + data.length);
    sdk?.({ data: copy });
  });
}

/** A duo room with two lean players (host and guest) and their one shared game. */
export class LeanPair {
  readonly host: Room<unknown, RoomStateShape>;
  readonly guest: Room<unknown, RoomStateShape>;
  readonly counts = { patches: 0, batches: 0 };
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

  /** One batch, encoded once by the SDK and written to both sockets. */
  #send(batch: { from: number; runs: [number, number][] }): void {
    const connection = this.host.connection;
    const guest = socketOf(this.guest);
    const own = connection.send;
    connection.send = (data: Uint8Array) => {
      own.call(connection, data);
      if (guest.readyState === 1) guest.send(data);
    };
    try {
      this.host.send('inputs', batch);
    } finally {
      connection.send = own;
    }
    this.counts.batches += 2;
  }
}
