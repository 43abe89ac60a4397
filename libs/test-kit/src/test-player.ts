import { Client, Protocol, type Room } from '@colyseus/sdk';
import { testClientOptions } from './test-address.ts';
import { Game, PieceQueue } from '@tengen/engine';
import {
  InputBatcher,
  type ClientMessage,
  type PlayerStateShape,
  type RoomStateShape,
  type ServerMessage,
  type WatchResponse,
} from '@tengen/protocol';
import { PacedGame, type PlayOptions } from './paced-game.ts';

export type { PlayOptions } from './paced-game.ts';

type Payload<T extends ClientMessage['type']> = Omit<Extract<ClientMessage, { type: T }>, 'type'>;

/** How a test player connects (beyond the room options). */
export interface ConnectOptions {
  /**
   * Leave the room state undecoded: state patches are received (and counted on the wire) but not
   * applied, so `room.state`, `me` and `opponent` stay as they were at the join. Every message is
   * still handled. For load generators, whose players need their messages but not the state.
   */
  lean?: boolean;
  /** Extra request headers (default: a fresh `testClientOptions()` address). */
  headers?: Record<string, string>;
}

/** Bytes read and written on a player's socket so far (`ws` sockets only). */
export interface WireBytes {
  read: number;
  written: number;
}

/**
 * A scripted player over a real `@colyseus/sdk` WebSocket connection: it keeps every server
 * message, runs its own engine and bot like the browser client does, and sends real input batches.
 */
export class TestPlayer {
  readonly room: Room<any, RoomStateShape>;
  readonly messages: ServerMessage[] = [];
  game: Game | undefined;
  /** The current game's pacing, recording and sending (set at `start` and `resume`). */
  paced: PacedGame | undefined;
  /** The current game's pieces as the server dealt them (the seed never reaches a client). */
  pieces = new PieceQueue();
  batcher = new InputBatcher();
  closed: { code: number; reason?: string } | undefined;
  /** Called with each input batch this player sends (and the time it was sent). */
  onBatch: ((batch: { from: number; runs: [number, number][] }, at: number) => void) | undefined;
  /** Other players that send this player's batches too (a duo pair dealt the same pieces). */
  readonly mirrors: TestPlayer[] = [];
  #paused = false;
  #waiters: (() => void)[] = [];

  private constructor(room: Room<any, RoomStateShape>, lean = false) {
    this.room = room;
    if (lean) skipStatePatches(room);
    room.onMessage('*', (type, payload) => {
      const message = { type, ...(payload as object) } as ServerMessage;
      this.messages.push(message);
      if (message.type === 'start') {
        this.pieces = new PieceQueue();
        this.pieces.add(0, message.pieces);
        this.game = new Game({
          startLevel: message.startLevel,
          pieces: this.pieces,
          version: message.engineVersion,
        });
        this.batcher = new InputBatcher();
        this.#pace(this.game, 0);
      } else if (message.type === 'pieces') {
        this.pieces.add(message.from, message.types);
      } else if (message.type === 'resume') {
        // The restored game draws piece `from` next: earlier pieces are never needed again.
        this.pieces = new PieceQueue(message.from);
        this.pieces.add(message.from, message.types);
        this.game = Game.restore(message.snapshot, this.pieces);
        this.batcher = new InputBatcher(message.nextFrame);
        this.#pace(this.game, message.nextFrame);
      }
      this.#wake();
    });
    room.onStateChange((state) => {
      // The game's clock stops while the server holds the room paused, as the browser's does.
      this.#paused = state.paused;
      this.paced?.holdClock(state.paused);
      this.#wake();
    });
    room.onLeave((code, reason) => {
      this.closed = reason === undefined ? { code } : { code, reason };
      this.#wake();
    });
  }

  /**
   * Connects with `method` ('create', 'joinOrCreate', 'joinById', ...) through `url`. Test players
   * ask to see their own game projection (`watchSelf`) so tests can compare it with their engine.
   */
  static async connect(
    url: string,
    method: 'create' | 'joinOrCreate' | 'join' | 'joinById',
    target: string,
    options: object = {},
    how: ConnectOptions = {},
  ): Promise<TestPlayer> {
    const client = new Client(url, { headers: how.headers ?? testClientOptions().headers });
    const room = await client[method]<RoomStateShape>(target, { watchSelf: true, ...options });
    return new TestPlayer(room, how.lean);
  }

  /** Takes a seat back with `client.reconnect(token)` from a new client (as a reloaded page does). */
  static async reconnect(url: string, token: string): Promise<TestPlayer> {
    return new TestPlayer(await new Client(url).reconnect<RoomStateShape>(token));
  }

  /**
   * Watches room `roomId` as a spectator through `url`: `POST /api/watch/:roomId`, then the seat
   * reservation it returns (which names the process hosting the room). Throws with the server's
   * refusal (`status` and `error`) when there is nothing to watch or no room for one more.
   */
  static async watch(url: string, roomId: string): Promise<TestPlayer> {
    const res = await fetch(`${url}/api/watch/${encodeURIComponent(roomId)}`, {
      method: 'POST',
      headers: testClientOptions().headers,
    });
    const body = (await res.json()) as WatchResponse & { error?: string };
    if (!res.ok) throw new Error(`watch ${roomId}: ${res.status} ${body.error ?? ''}`);
    const room = await new Client(url).consumeSeatReservation<RoomStateShape>(body.reservation);
    return new TestPlayer(room);
  }

  /** `performance.now()` when the current game's frame 0 was due (moved on by pauses). */
  get startedAt(): number {
    return this.paced?.startedAt ?? 0;
  }

  /** Times `play` found its game waiting for a piece the server had not sent yet. */
  get stalls(): number {
    return this.paced?.stalls ?? 0;
  }

  /** How long (ms) those waits took. */
  get stalledMs(): number {
    return this.paced?.stalledMs ?? 0;
  }

  /** Bytes on this player's socket so far (zeros unless the SDK runs on the `ws` package). */
  get wire(): WireBytes {
    const socket = (
      this.room.connection.transport as unknown as {
        ws?: { _socket?: { bytesRead: number; bytesWritten: number } | null };
      }
    ).ws?._socket;
    return { read: socket?.bytesRead ?? 0, written: socket?.bytesWritten ?? 0 };
  }

  get id(): string {
    return this.room.sessionId;
  }

  /** This player's entry in the synchronised state. */
  get me(): PlayerStateShape | undefined {
    return this.room.state.players?.get(this.id);
  }

  /** The other player's entry (duo). */
  get opponent(): PlayerStateShape | undefined {
    let other: PlayerStateShape | undefined;
    this.room.state.players?.forEach((p, id) => {
      if (id !== this.id) other = p;
    });
    return other;
  }

  send<T extends ClientMessage['type']>(type: T, payload?: Payload<T>): void {
    this.room.send(type, payload ?? {});
  }

  /**
   * Picks `level`, readies and resolves with the `start` message that follows (in a duo room, once
   * the opponent is ready too): a game begun as the level menu begins it.
   */
  startGame(level: number) {
    const seen = this.messages.length;
    this.send('selectLevel', { level });
    this.send('ready');
    return this.message('start', seen);
  }

  /**
   * Sends `submit` (with the browser's name `key` when given) and resolves with the answer:
   * `submitted`, `submitQueued` or the refusal.
   */
  submit(name: string, key?: string) {
    const seen = this.messages.length;
    this.send('submit', key === undefined ? { name } : { name, key });
    return this.until('the submit answer', () =>
      this.messages
        .slice(seen)
        .find(
          (m): m is Extract<ServerMessage, { type: 'submitted' | 'submitQueued' | 'error' }> =>
            m.type === 'submitted' || m.type === 'submitQueued' || m.type === 'error',
        ),
    );
  }

  /** Resolves once `check` holds (re-checked on every message and state change). */
  async until<T>(what: string, check: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined && value !== false) return value;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `timed out waiting for ${what}; last messages: ${JSON.stringify(this.messages.slice(-3))}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 250));
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Resolves with the first message of `type` (optionally matching) received after `after` messages. */
  message<T extends ServerMessage['type']>(
    type: T,
    after = 0,
    match: (m: Extract<ServerMessage, { type: T }>) => boolean = () => true,
  ) {
    return this.until(`message ${type}`, () =>
      this.messages
        .slice(after)
        .find(
          (m): m is Extract<ServerMessage, { type: T }> =>
            m.type === type && match(m as Extract<ServerMessage, { type: T }>),
        ),
    );
  }

  /**
   * Plays the current game (paced by the NES frame rate since the game started, plus the lead of
   * `pace`), with the bot for `botFrames` and idle afterwards, sending batches as the browser
   * would, until top-out (or `untilFrame`).
   */
  async play(opts: PlayOptions = {}): Promise<Game> {
    await this.until('a started game', () => this.game);
    const paced = this.paced!;
    const game = await paced.play(opts);
    this.flush();
    return game;
  }

  /** Plays what the clock allows now without waiting (for load generators); false once over. */
  advance(opts: PlayOptions = {}): boolean {
    if (this.closed || !this.paced) return false;
    const going = this.paced.advance(opts);
    if (!going) this.flush();
    return going;
  }

  /** Sends the frames still held in the batcher. */
  flush(): void {
    const last = this.batcher.flush();
    if (last) this.#sendBatch(last);
  }

  async leave(): Promise<void> {
    if (!this.closed) await this.room.leave(true);
  }

  #pace(game: Game, clockFrame: number): void {
    this.paced = new PacedGame(
      game,
      {
        onFrame: (_frame, buttons) => {
          const batch = this.batcher.push(buttons);
          if (batch) this.#sendBatch(batch);
        },
        closed: () => (this.closed ? `connection closed (${this.closed.code})` : undefined),
      },
      clockFrame,
    );
    if (this.#paused) this.paced.holdClock(true);
  }

  #sendBatch(batch: { from: number; runs: [number, number][] }): void {
    this.send('inputs', batch);
    for (const m of this.mirrors) m.send('inputs', batch);
    this.onBatch?.(batch, performance.now());
  }

  #wake(): void {
    for (const w of this.#waiters.splice(0)) w();
  }
}

/**
 * Makes `room` skip state frames (full states and patches) instead of decoding them: the bytes still
 * arrive and count, every other frame goes to the SDK as usual.
 */
function skipStatePatches(room: Room<unknown, RoomStateShape>): void {
  const events = room.connection.events as { onmessage?: (ev: { data: ArrayBuffer }) => void };
  const full = events.onmessage;
  events.onmessage = (ev) => {
    const code = new Uint8Array(ev.data, 0, 1)[0]! & 0x1f;
    if (code === Protocol.ROOM_STATE || code === Protocol.ROOM_STATE_PATCH) return;
    full?.(ev);
  };
}
