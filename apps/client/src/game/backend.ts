import type { Runs } from '../net/input-stream.ts';

/** A game's start as the server (or the offline edge) decides it. */
export interface GameStart {
  seed: number;
  startLevel: number;
  /** Set when resuming after a reload: the game as the server has it (`Game.restore` data). */
  restore?: { snapshot: unknown; nextFrame: number };
}

/** A stored score. */
export interface SubmitResult {
  rank: number;
  replayId: string;
  score: number;
}

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
  /** Starts the same sequence again (try again). */
  restart(recorded: () => Runs): Promise<GameStart>;
  /** One stepped frame's buttons. */
  frame(frame: number, buttons: number): void;
  /** The game topped out: send what is pending. */
  gameOver(): void;
  pause(on: boolean): void;
  submit(name: string): Promise<SubmitResult>;
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
    return this.#start ?? { seed: this.#seed(), startLevel: 0 };
  }
  frame(): void {
    // Offline: inputs stay local (the recorder keeps the replay).
  }
  gameOver(): void {
    // Nothing pending.
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
