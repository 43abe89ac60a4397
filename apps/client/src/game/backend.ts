import type { GameOptions } from '@tengen/engine';
import type { Runs } from '../net/input-stream.ts';

/**
 * A game's start as the server (or the offline edge) decides it: online, the server's piece queue
 * (`{ pieces, startLevel }`, the seed stays on the server); offline, a local seed. `restore` is set
 * when resuming after a reload: the game as the server has it (`Game.restore` data, seedless).
 */
export type GameStart = GameOptions & { restore?: { snapshot: unknown; nextFrame: number } };

/**
 * A submitted score: `stored` on the board with its rank, or `queued`: verified and kept by the
 * server while its database is unavailable, on the board shortly (no rank yet).
 */
export type SubmitResult =
  | { kind: 'stored'; rank: number; replayId: string; score: number; key?: string }
  | { kind: 'queued'; replayId: string; score: number; key?: string };

/** Things a session tells the screen about, beyond the game itself. */
export type SessionNotice =
  | { kind: 'dropped' }
  | { kind: 'reconnected' }
  | { kind: 'serverRestarting'; seconds: number }
  | { kind: 'unranked'; message: string }
  | { kind: 'lost'; message: string };

/**
 * Where a solo game's seed comes from and where its inputs and score go: the server (online, scores
 * verified) or nowhere (offline). The solo screen is written against this interface only.
 */
export interface SoloBackend {
  readonly online: boolean;
  /** Why submitting is impossible now, or null. */
  submitBlocked(): string | null;
  /** The level cursor moved. */
  cursor(level: number): void;
  /** Picks the level and waits for the game to start. */
  start(level: number, recorded: () => Runs): Promise<GameStart>;
  /** Try again: a new game at the same level with a new piece sequence (a new seed). */
  restart(recorded: () => Runs): Promise<GameStart>;
  /** One stepped frame's buttons. */
  frame(frame: number, buttons: number): void;
  /** The game topped out: send what is pending. */
  gameOver(): void;
  /** A piece spawned: send what is pending, so the server deals the next piece without delay. */
  spawned(): void;
  pause(on: boolean): void;
  /** Stores the game under `name`, sending this browser's name `key` when it has one. */
  submit(name: string, key?: string): Promise<SubmitResult>;
  onNotice(fn: (n: SessionNotice) => void): () => void;
  dispose(): void;
}

/** Offline solo: a local seed, nothing sent, nothing stored. */
export class OfflineSolo implements SoloBackend {
  readonly online = false;
  readonly #seed: () => number;
  readonly #reason: string;
  #start: GameStart | null = null;

  constructor(seed: () => number, reason: string) {
    this.#seed = seed;
    this.#reason = reason;
  }

  submitBlocked(): string {
    return this.#reason;
  }
  cursor(): void {
    // Offline: nobody watches the cursor.
  }
  async start(level: number): Promise<GameStart> {
    this.#start = { seed: this.#seed(), startLevel: level };
    return this.#start;
  }
  async restart(): Promise<GameStart> {
    this.#start = { seed: this.#seed(), startLevel: this.#start?.startLevel ?? 0 };
    return this.#start;
  }
  frame(): void {
    // Offline: inputs stay local (the recorder keeps the replay).
  }
  gameOver(): void {
    // Nothing pending.
  }
  spawned(): void {
    // Offline: the seed is local, nothing to deal.
  }
  pause(): void {
    // Local pause only.
  }
  async submit(): Promise<SubmitResult> {
    throw new Error(this.#reason);
  }
  onNotice(): () => void {
    return () => undefined;
  }
  dispose(): void {
    // No connection to close.
  }
}
