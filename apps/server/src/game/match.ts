import {
  FRAMES_PER_SECOND,
  unrankedText,
  validateName,
  type ClientMessage,
  type ErrorCode,
  type ServerMessage,
  type UnrankedReason,
} from '@tengen/protocol';
import { NameTakenError, type GameMode } from '@tengen/scores';
import type { Logger } from 'pino';
import type { Metrics } from '../metrics.ts';
import { rematchAgreed, rematchRefusal, settleResult } from './duo-series.ts';
import { hashNameKey, issueNameKey } from '../names/name-keys.ts';
import { nameTakenText } from '../names/name-taken.ts';
import { PauseClock } from './pause-clock.ts';
import { PieceFeed } from './piece-feed.ts';
import { PlayerSession } from './player-session.ts';
import { RoomHost } from './room-host.ts';
import { RealTimeGuard } from './real-time-guard.ts';
import {
  newPlayerState,
  newRoomState,
  projectGame,
  setPlayerPhase,
  setResult,
  setRoomPhase,
  type GameRoomState,
  type PlayerState,
} from './room-state.ts';
import { CopiedGameError, VerificationError, type ScoreRecorder } from './score-recorder.ts';

/** Inputs for frames already played when a pause began are accepted this long after it. */
export const PAUSE_GRACE_MS = 1_000;

/** What a match needs from the outside world. */
export interface MatchDeps {
  mode: GameMode;
  /** Seats: 1 for solo, 2 for duo. Play starts when every seat is taken and ready. */
  capacity: number;
  /** Piece sequence seed for the match's games (uint16, non-zero); it never reaches a client. */
  seed: number;
  /** A fresh seed, once a game of the current one was stored (its replay is public). */
  newSeed: () => number;
  /** Private room code, '' for public. */
  code: string;
  now: () => number;
  recorder: ScoreRecorder;
  metrics: Metrics;
  log: Logger;
  /** Delivers a message to one player. */
  send: (sessionId: string, message: ServerMessage) => void;
  /** Disconnects everyone and disposes of the room (a private room's host closed it or left). */
  close?: () => void;
}

/**
 * The rules of a room, independent of Colyseus: seats, level choice, start, pause, inputs into
 * each player's `PlayerSession`, restart, submit, reconnection and drain. Every mutation is
 * projected into `state` (the Colyseus schema the room synchronises).
 */
export class Match {
  readonly state: GameRoomState;
  readonly #deps: MatchDeps;
  readonly #sessions = new Map<string, PlayerSession>();
  readonly #pause = new PauseClock();
  readonly #feed: PieceFeed;

  constructor(deps: MatchDeps) {
    this.#deps = deps;
    this.#feed = new PieceFeed(deps.seed, deps.newSeed);
    this.state = newRoomState(deps.mode === 'duo' ? 'duo' : 'solo', deps.code);
    setRoomPhase(this.state, deps.capacity > 1 ? 'waiting' : 'choosing');
  }

  /**
   * True when nothing is left to play or store: every connected player's game has topped out and
   * was submitted (or cannot be: unranked), or the player left. A drain waits for this.
   */
  get settled(): boolean {
    let open = false;
    this.state.players.forEach((p, id) => {
      if (p.left || !p.connected || p.phase === 'choosing' || p.phase === 'ready') return;
      const session = this.#sessions.get(id);
      if (p.phase === 'playing' || (session && session.ranked && !session.submitted)) open = true;
    });
    return !open;
  }

  /** Seats a player. */
  join(id: string): void {
    this.state.players.set(id, newPlayerState());
    RoomHost.claim(this.state, id);
    if (this.state.phase === 'waiting' && this.state.players.size >= this.#deps.capacity)
      setRoomPhase(this.state, 'choosing');
  }

  /** The player's connection dropped; their seat is kept for `seconds`. */
  drop(id: string, seconds: number): void {
    const p = this.state.players.get(id);
    if (p) p.connected = false;
    this.#sessions.get(id)?.clock.drop(this.#deps.now());
    this.#others(id, { type: 'opponentDropped', seconds });
  }

  /** The player is back: returns the message that lets their client resume. */
  reconnect(id: string): ServerMessage | undefined {
    const p = this.state.players.get(id);
    if (p) p.connected = true;
    this.#others(id, { type: 'opponentReconnected' });
    const session = this.#sessions.get(id);
    session?.clock.reconnect(this.#deps.now());
    if (!session || !p || (p.phase !== 'playing' && p.phase !== 'over')) return undefined;
    return {
      type: 'resume',
      nextFrame: session.nextFrame,
      startLevel: session.game.startLevel,
      ...this.#feed.resume(id, session.game),
    };
  }

  /** The player left for good. The others are told and keep playing. */
  leave(id: string): void {
    const p = this.state.players.get(id);
    if (!p) return;
    if (RoomHost.onLeave(this.state, id).kind === 'closeNow') return this.#close(id, 'hostLeft');
    this.#sessions.delete(id);
    this.#feed.forget(id);
    if (this.state.phase === 'playing') {
      p.left = true;
      p.connected = false;
      this.#settle(); // an undecided duo game is lost by the player who left
    } else {
      // Before play the seat is simply free again: the room waits for another player.
      this.state.players.delete(id);
      if (this.state.players.size < this.#deps.capacity && this.#deps.capacity > 1)
        setRoomPhase(this.state, 'waiting');
    }
    this.#others(id, { type: 'opponentLeft' });
  }

  /** True while a seat left before play can be offered to someone else. */
  get open(): boolean {
    return (
      this.state.phase !== 'playing' &&
      this.state.players.size < this.#deps.capacity &&
      !this.state.draining
    );
  }

  /** True while a player holds a seat (connected, or within the reconnection window). */
  get hasPlayers(): boolean {
    let seated = false;
    this.state.players.forEach((p) => {
      if (!p.left) seated = true;
    });
    return seated;
  }

  /** The server is restarting: tell everyone; no new games start from now on. */
  startDrain(seconds: number): void {
    this.state.draining = true;
    this.state.players.forEach((_p, id) =>
      this.#deps.send(id, { type: 'serverRestarting', seconds }),
    );
  }

  /** Handles one validated client message. */
  handle(id: string, msg: ClientMessage): void | Promise<void> {
    const p = this.state.players.get(id);
    if (!p || p.left) return this.#refuse(id, 'wrongPhase', 'not seated in this room');
    switch (msg.type) {
      case 'selectLevel':
        if (p.phase !== 'choosing')
          return this.#refuse(id, 'wrongPhase', 'the level is already chosen');
        p.selectedLevel = msg.level;
        return;
      case 'ready':
        return this.#ready(id, p);
      case 'inputs':
        return this.#inputs(id, p, msg.from, msg.runs);
      case 'pause':
        return this.#setPaused(id, msg.paused);
      case 'restart':
        return this.#restart(id, p);
      case 'rematch':
        return this.#rematch(id, p);
      case 'submit':
        return this.#submit(id, p, msg.name, msg.key);
      case 'closeRoom': {
        const refusal = RoomHost.closeRefusal(this.state, id);
        if (refusal) return this.#refuse(id, refusal.code, refusal.message);
        return this.#close(id, 'hostClosed');
      }
      default: {
        const never: never = msg;
        return this.#refuse(id, 'malformed', `unknown message ${JSON.stringify(never)}`);
      }
    }
  }

  #ready(id: string, p: PlayerState): void {
    if (p.phase !== 'choosing') return this.#refuse(id, 'wrongPhase', 'already ready');
    if (this.state.draining)
      return this.#refuse(id, 'draining', 'the server is restarting: no new games');
    setPlayerPhase(p, 'ready');
    let allReady = this.state.players.size >= this.#deps.capacity;
    this.state.players.forEach((q) => {
      if (q.phase !== 'ready') allReady = false;
    });
    if (!allReady) return;
    setRoomPhase(this.state, 'playing');
    this.state.players.forEach((q, qid) => this.#startGame(qid, q));
  }

  #startGame(id: string, p: PlayerState): void {
    const now = this.#deps.now();
    const deal = this.#feed.start(id);
    const session = new PlayerSession({
      seed: deal.seed,
      startLevel: p.selectedLevel,
      clock: new RealTimeGuard(this.#pause, now, id),
    });
    this.#sessions.set(id, session);
    setPlayerPhase(p, 'playing');
    p.startLevel = p.selectedLevel;
    p.ranked = true;
    p.submitted = false;
    p.rematch = false;
    setResult(this.state, 'pending');
    projectGame(p, session.game, 0, true);
    this.#deps.metrics.gamesStarted.inc({ mode: this.#deps.mode });
    this.#deps.send(id, {
      type: 'start',
      startLevel: p.startLevel,
      pieces: deal.pieces,
      engineVersion: session.game.version,
    });
  }

  #inputs(id: string, p: PlayerState, from: number, runs: [number, number][]): void {
    const session = this.#sessions.get(id);
    if (!session || p.phase !== 'playing')
      return this.#refuse(id, 'wrongPhase', 'no game is running');
    const now = this.#deps.now();
    const since = this.#pause.pausedSince;
    if (since !== null && now - since > PAUSE_GRACE_MS)
      return this.#refuse(id, 'paused', 'the game is paused');
    const out = session.applyBatch(from, runs, now);
    if (!out.ok)
      return this.#refuse(
        id,
        out.refusal.code,
        out.refusal.message,
        'expectedFrame' in out.refusal ? out.refusal.expectedFrame : undefined,
      );
    projectGame(p, session.game, out.events);
    const more = this.#feed.more(id, session.game);
    if (more) this.#deps.send(id, { type: 'pieces', ...more });
    this.#deps.metrics.clockLag.observe(Math.max(0, out.lagFrames) / FRAMES_PER_SECOND);
    if (out.unranked) this.#unranked(id, p, session, out.unranked);
    if (session.over) {
      setPlayerPhase(p, 'over');
      this.#deps.metrics.gamesFinished.inc({ mode: this.#deps.mode });
    }
    this.#settle();
  }

  #setPaused(id: string, paused: boolean): void {
    if (this.state.phase !== 'playing')
      return this.#refuse(id, 'wrongPhase', 'nothing to pause yet');
    const now = this.#deps.now();
    if (paused) this.#pause.pause(now, id);
    else this.#pause.resume(now);
    this.state.paused = this.#pause.paused;
    // A pause freezes every game in the room, but only the pauser's budget pays for it.
    this.#sessions.forEach((session, sid) => {
      const reason = session.over ? null : session.clock.checkPauses(now);
      const q = this.state.players.get(sid);
      if (reason && q && session.unrank(reason)) this.#unranked(sid, q, session, reason);
    });
  }

  #unranked(id: string, p: PlayerState, session: PlayerSession, reason: UnrankedReason): void {
    p.ranked = false;
    this.#deps.metrics.unranked.inc({ reason });
    this.#deps.log.warn({ id, frame: session.nextFrame, reason }, 'game unranked');
    this.#deps.send(id, { type: 'unranked', reason, message: `unranked: ${unrankedText(reason)}` });
  }

  #restart(id: string, p: PlayerState): void {
    if (this.#deps.capacity > 1)
      return this.#refuse(id, 'wrongPhase', 'in duo both players must ask for a rematch');
    if (p.phase !== 'over')
      return this.#refuse(id, 'wrongPhase', 'restart is offered once the game is over');
    if (this.state.draining)
      return this.#refuse(id, 'draining', 'the server is restarting: no new games');
    this.#feed.reseed();
    this.#startGame(id, p);
  }

  /** Duo: one player's wish for another game; it starts (new seed) once both asked. */
  #rematch(id: string, p: PlayerState): void {
    const refusal = rematchRefusal(this.state, id);
    if (refusal !== null) return this.#refuse(id, 'wrongPhase', refusal);
    if (this.state.draining)
      return this.#refuse(id, 'draining', 'the server is restarting: no new games');
    p.rematch = true;
    if (!rematchAgreed(this.state)) return;
    this.#feed.reseed();
    this.state.players.forEach((q, qid) => this.#startGame(qid, q));
  }

  #settle(): void {
    const decision = settleResult(this.state);
    if (decision) this.#deps.log.info({ ...decision }, 'duo game decided');
  }

  async #submit(id: string, p: PlayerState, rawName: string, presentedKey?: string): Promise<void> {
    const session = this.#sessions.get(id);
    const name = validateName(rawName);
    if (!name.ok) return this.#refuse(id, 'badName', name.error);
    if (!session || p.phase !== 'over')
      return this.#refuse(id, 'notOver', 'only a finished game can be submitted');
    if (session.unrankedReason)
      return this.#refuse(id, 'unranked', `unranked: ${unrankedText(session.unrankedReason)}`);
    if (session.submitted || session.submitting)
      return this.#refuse(id, 'alreadySubmitted', 'this game was already submitted');
    session.submitting = true;
    try {
      const result = session.result();
      // A browser without a name key gets one now; it holds the name if the name is free.
      const key = presentedKey ?? issueNameKey();
      const issued = presentedKey === undefined ? { key } : {};
      const saved = await this.#deps.recorder.save(
        this.#deps.mode,
        name.name,
        result,
        hashNameKey(key),
      );
      session.submitted = true;
      this.#feed.published(result.seed);
      if (this.#sessions.get(id) === session) p.submitted = true;
      this.#deps.send(
        id,
        saved.kind === 'stored'
          ? {
              type: 'submitted',
              rank: saved.rank,
              replayId: saved.id,
              score: result.score,
              ...issued,
            }
          : { type: 'submitQueued', replayId: saved.id, score: result.score, ...issued },
      );
    } catch (err) {
      if (err instanceof CopiedGameError) return this.#refuse(id, 'copiedGame', err.message);
      if (err instanceof NameTakenError)
        return this.#refuse(id, 'nameTaken', nameTakenText(name.name));
      const message =
        err instanceof VerificationError ? err.message : 'the score could not be stored, try again';
      this.#refuse(id, 'saveFailed', message);
    } finally {
      session.submitting = false;
    }
  }

  /** Tells everyone but `id` that the room is closed, then closes it. */
  #close(id: string, reason: 'hostClosed' | 'hostLeft'): void {
    this.#others(id, { type: 'roomClosed', reason });
    this.#deps.close?.();
  }

  #refuse(id: string, code: ErrorCode, message: string, expectedFrame?: number): void {
    this.#deps.metrics.rejectedMessages.inc({ code });
    this.#deps.send(
      id,
      expectedFrame === undefined
        ? { type: 'error', code, message }
        : { type: 'error', code, message, expectedFrame },
    );
  }

  #others(id: string, message: ServerMessage): void {
    this.state.players.forEach((p, other) => {
      if (other !== id && !p.left) this.#deps.send(other, message);
    });
  }
}
