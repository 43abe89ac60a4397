import type { Room } from '@colyseus/sdk';
import { Bot } from '@tengen/bot';
import { Game, GameEvent, PieceQueue } from '@tengen/engine';
import {
  FRAMES_PER_SECOND,
  InputBatcher,
  type InputBatch,
  type RoomStateShape,
  type ServerPayload,
} from '@tengen/protocol';

const MOVES = GameEvent.Shift | GameEvent.Rotate;

/** Byte counters of a `ws` socket. */
interface Wire {
  bytesRead: number;
  bytesWritten: number;
}

/** One connection of a pair, with what it measures. */
class Seat {
  readonly room: Room<any, RoomStateShape>;
  readonly wire: Wire;
  batcher = new InputBatcher();
  /** Send time of each batch by the frame it ends at. */
  readonly sentAt = new Map<number, number>();
  seenOpponentFrame = -1;
  errors = 0;
  started = false;
  mark = { read: 0, written: 0 };

  constructor(room: Room<any, RoomStateShape>) {
    this.room = room;
    // The ws socket keeps its counters after it closes; a connection already gone counts nothing.
    this.wire = (room.connection.transport as unknown as { ws: { _socket: Wire | null } }).ws
      ._socket ?? { bytesRead: 0, bytesWritten: 0 };
  }

  send(batch: InputBatch, now: number, frame: number): void {
    this.room.send('inputs', batch);
    this.sentAt.set(frame, now);
  }
}

/**
 * Two simulated browsers in one duo room. Both get the same pieces and pick the same level, so the
 * same deterministic bot plays the same game for both: the pair runs one engine and one bot and
 * each connection sends its own (identical) input batches, as two real clients would. That halves
 * the load generator's CPU without changing what the server receives and sends.
 */
export class LoadPair {
  readonly seats: [Seat, Seat];
  #game: Game | undefined;
  /** The host seat's pieces (the guest is dealt the same ones). */
  #pieces = new PieceQueue();
  #bot = new Bot();
  #startedAt = 0;
  latencies: number[] = [];
  /** Spawns and shift/rotate moves per player (both players make the same). */
  spawns = 0;
  moves = 0;
  #markAt = 0;

  constructor(host: Room<any, RoomStateShape>, guest: Room<any, RoomStateShape>) {
    this.seats = [new Seat(host), new Seat(guest)];
    for (const [i, seat] of this.seats.entries()) {
      const other = this.seats[1 - i]!;
      seat.room.onMessage('*', (type, payload) => {
        if (type === 'start') this.#onStart(seat, payload as ServerPayload<'start'>);
        else if (type === 'pieces' && i === 0) {
          const deal = payload as { from: number; types: number[] };
          this.#pieces.add(deal.from, deal.types);
        } else if (type === 'error') seat.errors++;
      });
      seat.room.onStateChange((state) => this.#sample(seat, other, state));
    }
  }

  /** Steps the shared game up to the wall clock; both seats send their batches. */
  tick(now: number): void {
    const game = this.#game;
    if (!game) return;
    if (game.topOut) {
      if (this.seats.every((s) => s.room.state.players?.get(s.room.sessionId)?.phase === 'over')) {
        this.#game = undefined;
        for (const s of this.seats) {
          s.started = false;
          s.room.send('rematch', {});
        }
      }
      return;
    }
    const target = Math.floor(((now - this.#startedAt) * FRAMES_PER_SECOND) / 1000);
    // A game waiting for its next piece from the server does not advance (it never guesses).
    while (game.frame < target && !game.topOut && !game.needsPiece) {
      const buttons = this.#bot.next(game);
      const events = game.step(buttons);
      if ((events & GameEvent.Spawn) !== 0) this.spawns++;
      if ((events & MOVES) !== 0) this.moves++;
      for (const seat of this.seats) {
        const batch = seat.batcher.push(buttons) ?? (game.topOut ? seat.batcher.flush() : null);
        if (batch) seat.send(batch, now, game.frame);
      }
    }
  }

  /** Starts the measurement window. */
  mark(now: number): void {
    for (const s of this.seats) s.mark = { read: s.wire.bytesRead, written: s.wire.bytesWritten };
    this.#markAt = now;
    this.latencies = [];
    this.spawns = 0;
    this.moves = 0;
  }

  /** Both players' bytes and minutes since `mark`. */
  usage(now: number): {
    bytesIn: number;
    bytesOut: number;
    minutes: number;
    connected: number;
    errors: number;
  } {
    let bytesIn = 0;
    let bytesOut = 0;
    for (const s of this.seats) {
      bytesIn += s.wire.bytesRead - s.mark.read;
      bytesOut += s.wire.bytesWritten - s.mark.written;
    }
    return {
      bytesIn,
      bytesOut,
      minutes: (2 * (now - this.#markAt)) / 60_000,
      connected: this.seats.filter((s) => s.room.connection.isOpen).length,
      errors: this.seats.reduce((n, s) => n + s.errors, 0),
    };
  }

  #onStart(seat: Seat, start: ServerPayload<'start'>): void {
    if (seat === this.seats[0]) {
      this.#pieces = new PieceQueue();
      this.#pieces.add(0, start.pieces);
    }
    seat.started = true;
    seat.batcher = new InputBatcher();
    seat.sentAt.clear();
    seat.seenOpponentFrame = -1;
    if (this.seats.every((s) => s.started)) {
      this.#game = new Game({
        startLevel: start.startLevel,
        pieces: this.#pieces,
        version: start.engineVersion,
      });
      this.#bot = new Bot();
      this.#startedAt = performance.now();
    }
  }

  /** Latency sample: the opponent's batch that ended at the frame now shown for it. */
  #sample(seat: Seat, opponent: Seat, state: RoomStateShape): void {
    const frame = state.players?.get(opponent.room.sessionId)?.frame;
    if (frame === undefined || frame === seat.seenOpponentFrame) return;
    seat.seenOpponentFrame = frame;
    const sent = opponent.sentAt.get(frame);
    if (sent !== undefined) {
      this.latencies.push(performance.now() - sent);
      opponent.sentAt.delete(frame);
    }
    if (opponent.sentAt.size > 512) opponent.sentAt.clear();
  }
}
