import {
  validateName,
  type ClientMessage,
  type ErrorCode,
  type ServerMessage,
} from '@tengen/protocol';
import type { GameMode } from '@tengen/scores';
import type { Logger } from 'pino';
import type { Metrics } from '../metrics.ts';
import { PauseClock } from './pause-clock.ts';
import { PlayerSession } from './player-session.ts';
import {
  newPlayerState,
  newRoomState,
  projectGame,
  setPlayerPhase,
  setRoomPhase,
  type GameRoomState,
  type PlayerState,
} from './room-state.ts';
import { VerificationError, type ScoreRecorder } from './score-recorder.ts';

/** Inputs for frames already played when a pause began are accepted this long after it. */
export const PAUSE_GRACE_MS = 1_000;

/** What a match needs from the outside world. */
export interface MatchDeps {
  mode: GameMode;
  /** Seats: 1 for solo, 2 for duo. Play starts when every seat is taken and ready. */
  capacity: number;
  /** Piece sequence seed for every game in this match (uint16, non-zero). */
  seed: number;
  /** Private room code, '' for public. */
  code: string;
  now: () => number;
  recorder: ScoreRecorder;
  metrics: Metrics;
  log: Logger;
  /** Delivers a message to one player. */
  send: (sessionId: string, message: ServerMessage) => void;
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

  constructor(deps: MatchDeps) {
    this.#deps = deps;
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
    if (this.state.phase === 'waiting' && this.state.players.size >= this.#deps.capacity)
      setRoomPhase(this.state, 'choosing');
  }

  /** The player's connection dropped; their seat is kept for `seconds`. */
  drop(id: string, seconds: number): void {
    const p = this.state.players.get(id);
    if (p) p.connected = false;
    this.#others(id, { type: 'opponentDropped', seconds });
  }

  /** The player is back: returns the message that lets their client resume. */
  reconnect(id: string): ServerMessage | undefined {
    const p = this.state.players.get(id);
    if (p) p.connected = true;
    this.#others(id, { type: 'opponentReconnected' });
    const session = this.#sessions.get(id);
    if (!session || !p || (p.phase !== 'playing' && p.phase !== 'over')) return undefined;
    return {
      type: 'resume',
      snapshot: session.snapshot(),
      nextFrame: session.nextFrame,
      seed: this.#deps.seed,
      startLevel: session.game.startLevel,
    };
  }

  /** The player left for good. The others are told and keep playing. */
  leave(id: string): void {
    const p = this.state.players.get(id);
    if (!p) return;
    this.#sessions.delete(id);
    if (this.state.phase === 'playing') {
      p.left = true;
      p.connected = false;
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
      case 'submit':
        return this.#submit(id, p, msg.name);
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
    this.state.seed = this.#deps.seed;
    this.state.players.forEach((q, qid) => this.#startGame(qid, q));
  }

  #startGame(id: string, p: PlayerState): void {
    const now = this.#deps.now();
    const session = new PlayerSession({
      seed: this.#deps.seed,
      startLevel: p.selectedLevel,
      startedAt: now,
      pausedAtStart: this.#pause.pausedTotal(now),
    });
    this.#sessions.set(id, session);
    setPlayerPhase(p, 'playing');
    p.startLevel = p.selectedLevel;
    p.ranked = true;
    p.submitted = false;
    projectGame(p, session.game, 0, true);
    this.#deps.metrics.gamesStarted.inc({ mode: this.#deps.mode });
    this.#deps.send(id, { type: 'start', seed: this.#deps.seed, startLevel: p.startLevel });
  }

  #inputs(id: string, p: PlayerState, from: number, runs: [number, number][]): void {
    const session = this.#sessions.get(id);
    if (!session || p.phase !== 'playing')
      return this.#refuse(id, 'wrongPhase', 'no game is running');
    const now = this.#deps.now();
    const since = this.#pause.pausedSince;
    if (since !== null && now - since > PAUSE_GRACE_MS)
      return this.#refuse(id, 'paused', 'the game is paused');
    const out = session.applyBatch(from, runs, now, this.#pause.pausedTotal(now));
    if (!out.ok)
      return this.#refuse(
        id,
        out.refusal.code,
        out.refusal.message,
        'expectedFrame' in out.refusal ? out.refusal.expectedFrame : undefined,
      );
    projectGame(p, session.game, out.events);
    if (out.unranked) {
      p.ranked = false;
      this.#deps.metrics.unranked.inc({ reason: 'aheadOfClock' });
      this.#deps.log.warn(
        { id, frame: session.nextFrame },
        'inputs ahead of the wall clock: game unranked',
      );
      this.#deps.send(id, {
        type: 'unranked',
        reason: 'aheadOfClock',
        message: 'inputs arrived faster than real time: this game will not be ranked',
      });
    }
    if (session.over) {
      setPlayerPhase(p, 'over');
      this.#deps.metrics.gamesFinished.inc({ mode: this.#deps.mode });
    }
  }

  #setPaused(id: string, paused: boolean): void {
    if (this.state.phase !== 'playing')
      return this.#refuse(id, 'wrongPhase', 'nothing to pause yet');
    const now = this.#deps.now();
    if (paused) this.#pause.pause(now);
    else this.#pause.resume(now);
    this.state.paused = this.#pause.paused;
  }

  #restart(id: string, p: PlayerState): void {
    if (p.phase !== 'over')
      return this.#refuse(id, 'wrongPhase', 'restart is offered once the game is over');
    if (this.state.draining)
      return this.#refuse(id, 'draining', 'the server is restarting: no new games');
    this.#startGame(id, p);
  }

  async #submit(id: string, p: PlayerState, rawName: string): Promise<void> {
    const session = this.#sessions.get(id);
    const name = validateName(rawName);
    if (!name.ok) return this.#refuse(id, 'badName', name.error);
    if (!session || p.phase !== 'over')
      return this.#refuse(id, 'notOver', 'only a finished game can be submitted');
    if (!session.ranked)
      return this.#refuse(
        id,
        'unranked',
        'this game is unranked: its inputs ran ahead of real time',
      );
    if (session.submitted || session.submitting)
      return this.#refuse(id, 'alreadySubmitted', 'this game was already submitted');
    session.submitting = true;
    try {
      const result = session.result();
      const saved = await this.#deps.recorder.save(this.#deps.mode, name.name, result);
      session.submitted = true;
      if (this.#sessions.get(id) === session) p.submitted = true;
      this.#deps.send(id, {
        type: 'submitted',
        rank: saved.rank,
        replayId: saved.id,
        score: result.score,
      });
    } catch (err) {
      const message =
        err instanceof VerificationError ? err.message : 'the score could not be stored, try again';
      this.#refuse(id, 'saveFailed', message);
    } finally {
      session.submitting = false;
    }
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
