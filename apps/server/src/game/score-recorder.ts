import { runReplay } from '@tengen/engine';
import {
  isStorageUnavailable,
  NameTakenError,
  newGameId,
  type GameMode,
  type SavedGame,
  type ScoreStore,
} from '@tengen/scores';
import type { Logger } from 'pino';
import type { Metrics, SubmitResult } from '../metrics.ts';
import { CopyGuard } from './copy-guard.ts';
import type { GameResult } from './player-session.ts';
import type { ScoreOutbox } from './score-outbox.ts';

/** A verified game's fate: on the board now, or kept in the outbox until the database takes it. */
export type SaveOutcome = ({ kind: 'stored' } & SavedGame) | { kind: 'queued'; id: string };

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
  readonly #outbox: ScoreOutbox | undefined;
  readonly #pending = new Set<Promise<unknown>>();
  readonly #copies: CopyGuard;

  constructor(store: ScoreStore, metrics: Metrics, log: Logger, outbox?: ScoreOutbox) {
    this.#store = store;
    this.#metrics = metrics;
    this.#log = log;
    this.#outbox = outbox;
    this.#copies = new CopyGuard(store);
  }

  /**
   * Verifies and stores one game under `name` for the browser key whose hash is `keyHash`. When
   * the database cannot be written the game goes to the outbox (`queued`); rejects with
   * `NameTakenError` (another key holds the name), `VerificationError`, or the store's error when
   * the outbox cannot take it either.
   */
  save(mode: GameMode, name: string, result: GameResult, keyHash: string): Promise<SaveOutcome> {
    const op = this.#save(mode, name, result, keyHash);
    void op.then(
      (outcome) => this.#metrics.submits.inc({ result: outcome.kind }),
      (err: unknown) => this.#metrics.submits.inc({ result: failedSubmit(err) }),
    );
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

  async #save(
    mode: GameMode,
    name: string,
    result: GameResult,
    keyHash: string,
  ): Promise<SaveOutcome> {
    // Refused at once when readable; the write below checks again in its transaction (a race, or a
    // database that could not be read now).
    const holder = await this.#store.nameStatus(name, keyHash).catch(() => 'unknown' as const);
    if (holder === 'taken') throw new NameTakenError(`the name ${name} belongs to another player`);
    const verifying = this.#metrics.verificationSeconds.startTimer();
    const check = runReplay(result.replay);
    if (
      !check.topOut ||
      check.score !== result.score ||
      check.lines !== result.lines ||
      check.level !== result.level ||
      check.frames !== result.frames
    ) {
      verifying();
      this.#metrics.verificationFailures.inc();
      this.#log.error(
        { mode, name, live: { ...result, replay: undefined }, replayed: check },
        'replay does not reproduce the game',
      );
      throw new VerificationError('the recorded replay does not reproduce this game');
    }
    const copied = await this.#copies.find(name, result.replay).catch((err: unknown) => {
      // The store cannot be read either: the game is verified, keep it (the outbox path below).
      this.#log.warn({ err, mode, name }, 'copy check skipped: stored games cannot be read');
      return null;
    });
    verifying();
    if (copied) {
      this.#metrics.copiedGames.inc();
      this.#log.warn({ mode, name, score: result.score, copies: copied }, 'copied game refused');
      throw new CopiedGameError('this game copies a stored game, it cannot be ranked');
    }
    const game = {
      id: newGameId(),
      mode,
      name,
      score: result.score,
      lines: result.lines,
      level: result.level,
      startLevel: result.startLevel,
      frames: result.frames,
      seed: result.seed,
      replayJson: JSON.stringify(result.replay),
      // The rules the game was played (and just verified) under, as its replay says.
      engineVersion: result.replay.version,
      keyHash,
    };
    try {
      const saved = await this.#store.saveGame(game);
      this.#outbox?.kick();
      this.#metrics.scoresStored.inc({ mode });
      this.#log.info(
        { mode, name, score: result.score, id: saved.id, rank: saved.rank },
        'score stored',
      );
      return { kind: 'stored', ...saved };
    } catch (err) {
      if (err instanceof NameTakenError) throw err;
      this.#metrics.storeErrors.inc({ op: 'save' });
      this.#log.error({ err, mode, name, score: result.score }, 'storing a score failed');
      if (!this.#outbox || !isStorageUnavailable(err)) throw err;
      try {
        await this.#outbox.keep(game);
      } catch (outboxErr) {
        this.#log.error(
          { err: outboxErr, mode, name },
          'the score outbox cannot be written either',
        );
        throw err;
      }
      return { kind: 'queued', id: game.id };
    }
  }
}

function failedSubmit(err: unknown): SubmitResult {
  if (err instanceof VerificationError) return 'mismatch';
  if (err instanceof CopiedGameError) return 'copied';
  return 'failed';
}
