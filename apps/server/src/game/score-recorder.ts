import { ENGINE_VERSION, runReplay } from '@tengen/engine';
import type { GameMode, SavedGame, ScoreStore } from '@tengen/scores';
import type { Logger } from 'pino';
import type { Metrics } from '../metrics.ts';
import { CopyGuard } from './copy-guard.ts';
import type { GameResult } from './player-session.ts';

/** Why a verified save did not happen. */
export class VerificationError extends Error {
  override name = 'VerificationError';
}

/** The game reproduces a stored game (see `copy-check.ts`): it is refused, not stored. */
export class CopiedGameError extends Error {
  override name = 'CopiedGameError';
}

/**
 * Stores finished games: re-runs the recorded replay through the engine, refuses the save if that
 * does not reproduce the live game exactly, writes it, and keeps track of writes in flight so a
 * shutdown can wait for them (`settle`).
 */
export class ScoreRecorder {
  readonly #store: ScoreStore;
  readonly #metrics: Metrics;
  readonly #log: Logger;
  readonly #pending = new Set<Promise<unknown>>();
  readonly #copies: CopyGuard;

  constructor(store: ScoreStore, metrics: Metrics, log: Logger) {
    this.#store = store;
    this.#metrics = metrics;
    this.#log = log;
    this.#copies = new CopyGuard(store);
  }

  /** Verifies and stores one game under `name`; rejects with `VerificationError` or the store's error. */
  save(mode: GameMode, name: string, result: GameResult): Promise<SavedGame> {
    const op = this.#save(mode, name, result);
    this.#pending.add(op);
    void op.then(
      () => this.#pending.delete(op),
      () => this.#pending.delete(op),
    );
    return op;
  }

  /** Resolves once every save started so far has finished (stored or failed). */
  async settle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }

  async #save(mode: GameMode, name: string, result: GameResult): Promise<SavedGame> {
    const check = runReplay(result.replay);
    if (
      !check.topOut ||
      check.score !== result.score ||
      check.lines !== result.lines ||
      check.level !== result.level ||
      check.frames !== result.frames
    ) {
      this.#metrics.verificationFailures.inc();
      this.#log.error(
        { mode, name, live: { ...result, replay: undefined }, replayed: check },
        'replay does not reproduce the game',
      );
      throw new VerificationError('the recorded replay does not reproduce this game');
    }
    const copied = await this.#copies.find(name, result.replay);
    if (copied) {
      this.#metrics.copiedGames.inc();
      this.#log.warn({ mode, name, score: result.score, copies: copied }, 'copied game refused');
      throw new CopiedGameError('this game copies a stored game, it cannot be ranked');
    }
    try {
      const saved = await this.#store.saveGame({
        mode,
        name,
        score: result.score,
        lines: result.lines,
        level: result.level,
        startLevel: result.startLevel,
        frames: result.frames,
        seed: result.seed,
        replayJson: JSON.stringify(result.replay),
        engineVersion: ENGINE_VERSION,
      });
      this.#metrics.scoresStored.inc({ mode });
      this.#log.info(
        { mode, name, score: result.score, id: saved.id, rank: saved.rank },
        'score stored',
      );
      return saved;
    } catch (err) {
      this.#metrics.storeErrors.inc({ op: 'save' });
      this.#log.error({ err, mode, name, score: result.score }, 'storing a score failed');
      throw err;
    }
  }
}
