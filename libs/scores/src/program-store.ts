import { playerPage, topBoard } from './board-reader.ts';
import { gameInfoOf, insertGame, newGameId, rankOf, replayOf, replaysOf } from './game-queries.ts';
import { issueCode, nameStatus, redeemCode } from './name-ledger.ts';
import type { ScoreStore } from './score-store.ts';
import type { Dialect, Program } from './sql/program.ts';

/**
 * `ScoreStore` as the shared programs (`sql/program.ts`) run on one database: a dialect says how
 * to run a read and a write transaction; every method and its semantics are here, once.
 */
export abstract class ProgramStore implements ScoreStore {
  protected abstract readonly dialect: Dialect;
  /** Clock for `created_at` and code expiry. */
  protected abstract now(): Date;
  /** Runs a read program (rejects once closed). */
  protected abstract read<T>(program: () => Program<T>): Promise<T>;
  /** Runs a write program in one transaction (rejects once closed). */
  protected abstract write<T>(program: () => Program<T>): Promise<T>;
  abstract isReady(): boolean;
  abstract close(): void;

  // Members typed by the interface (their parameters are contextually typed).
  readonly saveGame: ScoreStore['saveGame'] = async (game) => {
    const id = game.id ?? newGameId();
    const at = (game.createdAt ?? this.now()).getTime();
    // The name claim and the game in one write transaction; the rank is read after the commit.
    const { claimed } = await this.write(() => insertGame(game, id, at));
    const rank = await this.read(() => rankOf(this.dialect, game, id));
    return { id, rank, claimed };
  };

  readonly topScores: ScoreStore['topScores'] = (mode, limit, filter) =>
    this.read(() => topBoard(this.dialect, mode, limit, filter));

  readonly playerGames: ScoreStore['playerGames'] = (name, recent) =>
    this.read(() => playerPage(this.dialect, name, recent));

  readonly nameStatus: ScoreStore['nameStatus'] = (name, keyHash) =>
    this.read(() => nameStatus(name, keyHash));

  readonly issueNameCode: ScoreStore['issueNameCode'] = (name, keyHash, codeHash, expiresAt) =>
    this.write(() => issueCode(name, keyHash, codeHash, expiresAt.getTime()));

  readonly redeemNameCode: ScoreStore['redeemNameCode'] = (name, code, newKey, maxFailures) =>
    this.write(() =>
      redeemCode(this.dialect, name, code, newKey, this.now().getTime(), maxFailures),
    );

  readonly replaysOf: ScoreStore['replaysOf'] = (seed, startLevel, limit) =>
    this.read(() => replaysOf(seed, startLevel, limit));

  readonly getReplay: ScoreStore['getReplay'] = (id) => this.read(() => replayOf(id));

  readonly gameInfo: ScoreStore['gameInfo'] = (id) => this.read(() => gameInfoOf(id));
}
