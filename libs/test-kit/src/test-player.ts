import { Client, type Room } from '@colyseus/sdk';
import { Bot } from '@tengen/bot';
import { testClientOptions } from './test-address.ts';
import { Game, PieceQueue } from '@tengen/engine';
import {
  FRAMES_PER_SECOND,
  InputBatcher,
  type ClientMessage,
  type PlayerStateShape,
  type RoomStateShape,
  type ServerMessage,
  type WatchResponse,
} from '@tengen/protocol';

type Payload<T extends ClientMessage['type']> = Omit<Extract<ClientMessage, { type: T }>, 'type'>;

/** How a test player plays its game. */
export interface PlayOptions {
  /** Frames the bot steers; after that no buttons are held and the stack tops out. */
  botFrames?: number;
  /** Frames the client may run ahead of its own wall clock (the server tolerates 180). */
  leadFrames?: number;
  /** Stop (without topping out) once this frame is reached. */
  untilFrame?: number;
}

/**
 * A scripted player over a real `@colyseus/sdk` WebSocket connection: it keeps every server
 * message, runs its own engine and bot like the browser client does, and sends real input batches.
 */
export class TestPlayer {
  readonly room: Room<any, RoomStateShape>;
  readonly messages: ServerMessage[] = [];
  game: Game | undefined;
  /** The current game's pieces as the server dealt them (the seed never reaches a client). */
  pieces = new PieceQueue();
  /** Times `play` found its game waiting for a piece the server had not sent yet, and for how long. */
  stalls = 0;
  stalledMs = 0;
  batcher = new InputBatcher();
  closed: { code: number; reason?: string } | undefined;
  /** `performance.now()` when the current game started (or resumed at frame 0's equivalent). */
  startedAt = 0;
  #pausedTotal = 0;
  #pausedSince: number | undefined;
  #pausedAtStart = 0;
  #waiters: (() => void)[] = [];

  private constructor(room: Room<any, RoomStateShape>) {
    this.room = room;
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
        this.startedAt = performance.now();
        this.#pausedAtStart = this.#paused(this.startedAt);
      } else if (message.type === 'pieces') {
        this.pieces.add(message.from, message.types);
      } else if (message.type === 'resume') {
        // The restored game draws piece `from` next: earlier pieces are never needed again.
        this.pieces = new PieceQueue(message.from);
        this.pieces.add(message.from, message.types);
        this.game = Game.restore(message.snapshot, this.pieces);
        this.batcher = new InputBatcher(message.nextFrame);
        this.startedAt = performance.now() - (message.nextFrame * 1000) / FRAMES_PER_SECOND;
        this.#pausedAtStart = this.#paused(performance.now());
      }
      this.#wake();
    });
    room.onStateChange((state) => {
      const now = performance.now();
      if (state.paused && this.#pausedSince === undefined) this.#pausedSince = now;
      if (!state.paused && this.#pausedSince !== undefined) {
        this.#pausedTotal += now - this.#pausedSince;
        this.#pausedSince = undefined;
      }
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
  ): Promise<TestPlayer> {
    const client = new Client(url, testClientOptions());
    const room = await client[method]<RoomStateShape>(target, { watchSelf: true, ...options });
    return new TestPlayer(room);
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
   * Plays the current game in real time (paced by the NES frame rate since the game started, plus
   * `leadFrames`), with the bot for `botFrames` and idle afterwards, sending batches as the browser
   * would, until top-out.
   */
  async play(opts: PlayOptions = {}): Promise<Game> {
    const game = await this.until('a started game', () => this.game);
    const bot = new Bot();
    const lead = opts.leadFrames ?? 120;
    const botFrames = opts.botFrames ?? Infinity;
    let stalledAt: number | undefined;
    while (!game.topOut && (opts.untilFrame === undefined || game.frame < opts.untilFrame)) {
      if (this.closed) throw new Error(`connection closed (${this.closed.code}) during play`);
      if (!this.room.state.paused) {
        // Like the browser: frames follow the wall clock since the start, minus paused time.
        const now = performance.now();
        const active = now - this.startedAt - (this.#paused(now) - this.#pausedAtStart);
        const target = Math.floor((active * FRAMES_PER_SECOND) / 1000) + lead;
        while (
          game.frame < target &&
          !game.topOut &&
          (opts.untilFrame === undefined || game.frame < opts.untilFrame)
        ) {
          // Out of pieces: wait for the server's next `pieces` message (the client never guesses).
          if (game.needsPiece) {
            if (stalledAt === undefined) {
              stalledAt = now;
              this.stalls++;
            }
            break;
          }
          if (stalledAt !== undefined) {
            this.stalledMs += now - stalledAt;
            stalledAt = undefined;
          }
          const buttons = game.frame < botFrames ? bot.next(game) : 0;
          game.step(buttons);
          const batch = this.batcher.push(buttons);
          if (batch) this.send('inputs', batch);
        }
      }
      await new Promise((r) => setTimeout(r, 16));
    }
    const last = this.batcher.flush();
    if (last) this.send('inputs', last);
    return game;
  }

  async leave(): Promise<void> {
    if (!this.closed) await this.room.leave(true);
  }

  #paused(now: number): number {
    return this.#pausedTotal + (this.#pausedSince === undefined ? 0 : now - this.#pausedSince);
  }

  #wake(): void {
    for (const w of this.#waiters.splice(0)) w();
  }
}
