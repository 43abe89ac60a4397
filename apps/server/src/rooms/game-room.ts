import { ErrorCode, Room, ServerError, type AuthContext, type Client } from '@colyseus/core';
import {
  CLOSE_CODE,
  MAX_MESSAGES_PER_SECOND,
  MAX_SPECTATORS,
  RECONNECT_SECONDS,
  type ClientMessage,
  type ServerMessage,
} from '@tengen/protocol';
import { parseClientMessage } from '@tengen/protocol/schemas';
import type { Logger } from 'pino';
import { refusal, type MatchmakeLimits } from '../abuse/matchmake-limits.ts';
import { ClientGuard } from '../game/client-guard.ts';
import { LIVE_METADATA_INTERVAL_MS, LiveMetadata, liveSummary } from '../game/live-summary.ts';
import { Match } from '../game/match.ts';
import type { GameRoomState } from '../game/room-state.ts';
import type { ScoreRecorder } from '../game/score-recorder.ts';
import { newSeed } from '../game/seed.ts';
import { wantsToSpectate } from '../game/spectators.ts';
import { streamlineSends } from './streamline-sends.ts';
import { interceptFrames, type ClientFrame } from './frame-filter.ts';
import { closeRoom, refuseLiveToken } from './room-closing.ts';
import { guardPlayerSeats, pendingPlayerSeats } from './player-seats.ts';
import { SeatWait } from './seat-wait.ts';
import { QUICK_MATCH_SEAT_SECONDS } from '../quick-match.ts';
import { QuickMatchListing } from '../quick-match-index.ts';
import { RoomSpectators } from './room-spectators.ts';
import { CorkedWrites } from './corked-writes.ts';
import { flushSoon } from './flush-queue.ts';
import { leanPatchTables, newStateView } from '../game/lean-tables.ts';
import type { Lifecycle } from '../lifecycle.ts';
import type { Metrics, RoomType } from '../metrics.ts';

/** What rooms need from the server (injected by `bindRoom`). */
export interface RoomDeps {
  recorder: ScoreRecorder;
  metrics: Metrics;
  log: Logger;
  lifecycle: Lifecycle;
  drainSeconds: number;
  /** The process's connection cap (checked again when a socket joins). */
  limits: MatchmakeLimits;
}

/**
 * The Colyseus adapter shared by solo and duo: validates every message at the boundary (zod),
 * enforces the per-connection limits, hands messages to `Match`, flushes the resulting schema
 * changes at once, and maps Colyseus lifecycle events (join, drop, reconnect, leave, shutdown).
 */
export abstract class GameRoom extends Room<{ state: GameRoomState }> {
  protected abstract readonly deps: RoomDeps;
  abstract readonly mode: RoomType;
  /** Changes are flushed right after each message; this interval is only a safety net. */
  override patchRate = 1000;
  override maxMessagesPerSecond = 1000;
  protected match!: Match;
  /** Watchers (`{ spectate: true }`, or a watch relay): no seat, one shared view of every player's game. */
  #spectators!: RoomSpectators;
  #live: LiveMetadata | null = null;
  #guards = new Map<string, ClientGuard>();
  #watchSelf = new Set<string>();
  #kicked = new Set<string>();
  #flushQueued = false;
  /** Messages sent while handling a turn's frames wait for its patch (one write per socket). */
  #writes = new CorkedWrites();
  /** Arrival times (performance.now) of batches not yet flushed, for the relay latency histogram. */
  #arrivals: number[] = [];
  #disposed = false;
  #timers: NodeJS.Timeout[] = [];
  #seatWait: SeatWait | undefined;
  /** Quick-match rooms only: the room's entry in the set of rooms waiting for a player. */
  #listing: QuickMatchListing | undefined;
  #offDraining: (() => void) | undefined;
  #shutdownStarted = false;

  /** The private room code for these create options ('' for a public room). */
  protected roomCode(_options: unknown): Promise<string> {
    return Promise.resolve('');
  }

  override async onCreate(options: unknown): Promise<void> {
    if (this.deps.lifecycle.draining)
      throw new ServerError(ErrorCode.MATCHMAKE_UNHANDLED, 'the server is restarting');
    if (wantsToSpectate(options))
      throw new ServerError(ErrorCode.MATCHMAKE_INVALID_CRITERIA, 'there is no game to watch');
    const code = await this.roomCode(options);
    // Colyseus counts every client toward maxClients: seats are the Match's, the rest is for spectators.
    const seats = this.maxClients;
    this.maxClients = seats + MAX_SPECTATORS;
    this.match = new Match({
      mode: this.mode,
      capacity: seats,
      seed: newSeed(),
      newSeed,
      code,
      now: Date.now,
      recorder: this.deps.recorder,
      metrics: this.deps.metrics,
      log: this.deps.log.child({ room: this.roomId }),
      send: (id, message) => this.#send(id, message),
      close: () => closeRoom(this),
    });
    this.state = this.match.state;
    leanPatchTables(this);
    interceptFrames(this, (client, frame, pass) => this.#onFrame(client, frame, pass));
    this.#spectators = new RoomSpectators(this.state, this.clients);
    guardPlayerSeats(
      this,
      () => ({
        taken: this.state.players.size,
        capacity: seats,
        open: this.match.open && !this.deps.lifecycle.draining,
      }),
      () => {
        void this.lock();
        this.#listing?.sync();
      },
      () => {
        if (this.match.open && !this.deps.lifecycle.draining && pendingPlayerSeats(this) === 0)
          void this.unlock();
        this.#listing?.sync();
      },
      () => this.#listing?.sync(),
    );
    // Private rooms are never listed: their codes are secret.
    if (code === '')
      this.#live = new LiveMetadata({
        intervalMs: LIVE_METADATA_INTERVAL_MS,
        summarize: () => liveSummary(this.state),
        publish: (metadata) =>
          this.setMetadata(metadata).catch((err: unknown) =>
            this.deps.log.warn({ err, room: this.roomId }, 'publishing the live summary failed'),
          ),
      });
    this.deps.metrics.liveRooms.add(this);
    // Quick match only: a private room waits for a friend, not for matchmaking.
    if (code === '' && seats > 1) {
      this.#seatWait = new SeatWait(seats, Date.now);
      this.seatReservationTimeout = QUICK_MATCH_SEAT_SECONDS;
      // Listed from its first player's seat reservation (the matchmaker has stored the room by
      // then) until its seats are taken or reserved, so players arriving together find it.
      this.#listing = new QuickMatchListing(
        this.roomName,
        this.roomId,
        () =>
          !this.#disposed &&
          !this.locked &&
          this.match.open &&
          !this.deps.lifecycle.draining &&
          this.state.players.size + pendingPlayerSeats(this) > 0,
        this.deps.log,
      );
    }
    this.#offDraining = this.deps.lifecycle.onDraining(() => this.#onProcessLeaving());
  }

  /**
   * This process is leaving (the preStop `/leave`, or SIGTERM): it offers no seat from now on. A
   * room still waiting for a player here (who could never come: the pod's path is out of the load
   * balancer) is closed at once, as the drain would close it, so its players queue elsewhere now
   * instead of after the preStop pause; every room is locked (unlisted), and the others play on.
   */
  #onProcessLeaving(): void {
    // Locked first: a closing room waits for its players' submits, and stays listed until it is.
    void this.lock();
    this.#listing?.sync();
    if (this.match.open && this.match.hasPlayers) this.onBeforeShutdown();
  }

  /** Connected clients (for the metrics gauges). */
  get clientCount(): number {
    return this.clients.length;
  }

  /** The socket is open: refuse it when this process is past its connection cap. */
  override onAuth(_client: Client, _options: unknown, _context: AuthContext): boolean {
    if (!this.deps.limits.overfull()) return true;
    const full = refusal('serverFull');
    throw new ServerError(full.code, full.message);
  }

  override async onJoin(client: Client, options?: { watchSelf?: unknown }): Promise<void> {
    if (this.deps.lifecycle.draining)
      throw new ServerError(ErrorCode.MATCHMAKE_UNHANDLED, 'the server is restarting');
    if (wantsToSpectate(options)) {
      this.#spectators.join(client, options);
      this.#guards.set(client.sessionId, new ClientGuard(Date.now()));
      return this.#flush();
    }
    if (!this.match.open) throw new ServerError(ErrorCode.MATCHMAKE_UNHANDLED, 'the room is full');
    this.match.join(client.sessionId);
    const waited = this.#seatWait?.seated(this.state.players.size);
    if (waited !== undefined) this.deps.metrics.matchmakingWait.observe(waited);
    this.#guards.set(client.sessionId, new ClientGuard(Date.now()));
    if (options?.watchSelf === true) this.#watchSelf.add(client.sessionId);
    client.view = newStateView();
    streamlineSends(client);
    this.#refreshViews();
    // A full room stays closed to matchmaking even when a player leaves.
    if (!this.match.open) await this.lock();
    // Locked when its seats were all reserved, but a player left before this one arrived: open again.
    else if (pendingPlayerSeats(this) === 0) void this.unlock();
    this.#listing?.sync();
    this.#flush();
  }

  override onDrop(client: Client, code?: number): void {
    // No second chance after flooding, and none while the room is closing for a shutdown.
    if (
      this.#kicked.has(client.sessionId) ||
      code === CLOSE_CODE.serverShutdown ||
      code === CLOSE_CODE.gameEnded ||
      this.state.draining
    )
      return;
    // A spectator holds no seat: a dropped one is simply gone (the watch page offers to rejoin).
    if (this.#spectators.has(client.sessionId)) return;
    this.match.drop(client.sessionId, RECONNECT_SECONDS);
    this.#flush();
    // Rejected when the seat expires (Colyseus then calls onLeave) or the client never fully joined.
    Promise.resolve(this.allowReconnection(client, RECONNECT_SECONDS)).catch(() => undefined);
  }

  /** A token whose seat still has a live connection is refused; the owner is never kicked. */
  override checkReconnectionToken(token: string): string {
    refuseLiveToken(this.clients, token);
    return super.checkReconnectionToken(token);
  }

  override onReconnect(client: Client): void {
    streamlineSends(client);
    const resume = this.match.reconnect(client.sessionId);
    if (resume) this.#send(client.sessionId, resume);
    this.#flush();
  }

  override onLeave(client: Client): void {
    this.#logProtocolErrors(client);
    this.#guards.delete(client.sessionId);
    this.#kicked.delete(client.sessionId);
    if (this.#spectators.has(client.sessionId)) {
      this.#spectators.leave(client);
      return this.#flush();
    }
    this.match.leave(client.sessionId);
    this.#seatWait?.left(this.state.players.size);
    this.#watchSelf.delete(client.sessionId);
    if (this.match.open && this.clients.length > 0) {
      if (this.deps.lifecycle.draining) this.#onProcessLeaving();
      else void this.unlock();
    }
    this.#listing?.sync();
    if (!this.match.hasPlayers) this.#spectators.closeAll();
    this.#flush();
  }

  /** SIGTERM: tell the players, let running games finish (up to the drain time), then close. */
  override onBeforeShutdown(): void {
    if (this.#shutdownStarted) return;
    this.#shutdownStarted = true;
    this.match.startDrain(this.deps.drainSeconds);
    this.#flush();
    const close = () => {
      try {
        void this.disconnect(CLOSE_CODE.serverShutdown).catch(() => undefined);
      } catch (err) {
        this.deps.log.warn({ err, room: this.roomId }, 'closing a room during shutdown failed');
      }
    };
    if (this.match.settled) return close();
    this.#timers.push(setInterval(() => this.match.settled && close(), 250));
    this.#timers.push(setTimeout(close, this.deps.drainSeconds * 1000));
  }

  override onDispose(): void {
    this.#disposed = true;
    this.#listing?.close();
    this.#writes.release();
    this.#offDraining?.();
    this.#live?.stop();
    this.#spectators.dispose();
    for (const t of this.#timers) clearTimeout(t);
    this.deps.metrics.liveRooms.delete(this);
  }

  override onUncaughtException(error: Error, method: string): void {
    this.deps.log.error({ err: error, method, room: this.roomId }, 'room handler failed');
  }

  /**
   * Every client sees the other players' game projection (and its own with `watchSelf`);
   * spectators see every player's.
   */
  #refreshViews(): void {
    this.#spectators.refreshView();
    for (const c of this.clients) {
      if (this.#spectators.owns(c.view)) continue;
      const view = c.view;
      if (!view) continue;
      this.state.players.forEach((p, id) => {
        if ((id !== c.sessionId || this.#watchSelf.has(id)) && !view.has(p)) view.add(p);
      });
    }
  }

  /** Every frame counts toward the flood limit; undecodable ones toward the refusal limit too. */
  #onFrame(client: Client, frame: ClientFrame, pass: () => void): void {
    const guard = this.#guards.get(client.sessionId);
    if (!guard) return;
    if (guard.onMessage(Date.now()) === 'flooding') return this.#kick(client, 'flooding');
    switch (frame.kind) {
      case 'control':
        return pass();
      case 'data':
        return this.#onMessage(client, frame.type, frame.payload);
      case 'inputs':
        return this.#onMessage(client, 'inputs', frame.message, frame.message);
      case 'malformed':
        this.deps.metrics.rejectedMessages.inc({ code: 'malformedFrame' });
        if (!guard.onMalformed(Date.now())) this.#kick(client, 'tooManyErrors');
        return;
      default: {
        const never: never = frame;
        throw new Error(`unknown frame ${JSON.stringify(never)}`);
      }
    }
  }

  /** One line per connection that sent protocol errors, with the counts (never per frame). */
  #logProtocolErrors(client: Client): void {
    const guard = this.#guards.get(client.sessionId);
    if (!guard || guard.malformedFrames + guard.refusedMessages === 0) return;
    this.deps.log.warn(
      {
        room: this.roomId,
        session: client.sessionId,
        malformedFrames: guard.malformedFrames,
        refusedMessages: guard.refusedMessages,
      },
      `${guard.malformedFrames} malformed frames, ${guard.refusedMessages} refused messages`,
    );
  }

  /** `checked`: the message already read and checked from its bytes (see `decodeInputsWire`). */
  #onMessage(
    client: Client,
    type: string | number,
    payload: unknown,
    checked?: ClientMessage,
  ): void {
    const id = client.sessionId;
    if (this.#spectators.has(id)) {
      const refusal = this.#spectators.onMessage(id, type, payload);
      if (refusal === null) return this.#flush();
      this.deps.metrics.rejectedMessages.inc({ code: 'spectating' });
      return this.#send(id, refusal);
    }
    let message = checked;
    if (!message) {
      const parsed = parseClientMessage(type, payload);
      if (!parsed.ok)
        return this.#send(id, { type: 'error', code: 'malformed', message: parsed.error }, true);
      message = parsed.message;
    }
    if (message.type === 'inputs') this.#arrivals.push(performance.now());
    const pending = this.match.handle(id, message);
    if (pending) void pending.then(() => this.#flush());
    this.#flush();
  }

  #send(id: string, message: ServerMessage, countReject = message.type === 'error'): void {
    const client = this.clients.get(id);
    if (!client) return;
    const { type, ...payload } = message;
    if (!this.#disposed) this.#writes.hold(client);
    client.send(type, payload);
    this.#flush();
    if (type !== 'error') return;
    if (countReject && message.code === 'malformed')
      this.deps.metrics.rejectedMessages.inc({ code: 'malformed' });
    if (!this.#guards.get(id)?.onReject(Date.now())) this.#kick(client, 'tooManyErrors');
  }

  #kick(client: Client, reason: 'flooding' | 'tooManyErrors'): void {
    if (this.#kicked.has(client.sessionId)) return;
    this.#kicked.add(client.sessionId);
    this.deps.metrics.disconnects.inc({ reason });
    this.deps.log.warn(
      { room: this.roomId, session: client.sessionId, reason },
      'client disconnected',
    );
    const text =
      reason === 'flooding'
        ? `too many messages: more than ${MAX_MESSAGES_PER_SECOND} per second`
        : 'too many invalid messages';
    client.leave(CLOSE_CODE[reason], text);
  }

  /** Sends the accumulated schema changes once the current I/O batch is handled. */
  #flush(): void {
    if (this.#flushQueued || this.#disposed) return;
    this.#flushQueued = true;
    flushSoon(this.#flushNow);
  }

  readonly #flushNow = (): void => {
    this.#flushQueued = false;
    if (this.#disposed) return;
    this.broadcastPatch();
    this.#writes.release();
    this.#live?.touch();
    const now = performance.now();
    for (const t of this.#arrivals) this.deps.metrics.relayLatency.observe((now - t) / 1000);
    this.#arrivals.length = 0;
  };
}
