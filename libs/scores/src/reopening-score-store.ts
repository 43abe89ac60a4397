import type { GameMode } from './schema.ts';
import type { NameStatus, RedeemOutcome } from './name-ledger.ts';
import type {
  BoardFilter,
  GameInfo,
  NewGame,
  PlayerGames,
  SavedGame,
  ScoreEntry,
  ScoreStore,
  StoredReplay,
} from './score-store.ts';
import { SqliteScoreStore, type SqliteStoreOptions } from './sqlite-score-store.ts';

/** SQLite opened the file read-only (it was not writable at open): only a new connection can write. */
function isReadOnlyConnection(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' && (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_'))
  );
}

/**
 * A `SqliteScoreStore` that opens a fresh connection after a save failed with SQLITE_READONLY.
 * SQLite falls back to a read-only connection when the file is not writable at open, and that
 * connection never writes again, even once the file is fixed; other write errors (full disk, an
 * immutable file or folder) clear up on the same connection.
 */
export class ReopeningScoreStore implements ScoreStore {
  readonly #file: string;
  readonly #opts: SqliteStoreOptions;
  #store: SqliteScoreStore;
  #stale = false;
  #closed = false;

  private constructor(file: string, opts: SqliteStoreOptions, store: SqliteScoreStore) {
    this.#file = file;
    this.#opts = opts;
    this.#store = store;
  }

  /** Opens (and migrates) the file like `SqliteScoreStore.open`. */
  static open(file: string, opts: SqliteStoreOptions = {}): ReopeningScoreStore {
    return new ReopeningScoreStore(file, opts, SqliteScoreStore.open(file, opts));
  }

  saveGame(game: NewGame): Promise<SavedGame> {
    return this.#write((s) => s.saveGame(game));
  }

  topScores(mode: GameMode, limit: number, filter?: BoardFilter): Promise<ScoreEntry[]> {
    return this.#store.topScores(mode, limit, filter);
  }

  playerGames(name: string, recent: number): Promise<PlayerGames> {
    return this.#store.playerGames(name, recent);
  }

  nameStatus(name: string, keyHash: string): Promise<NameStatus> {
    return this.#store.nameStatus(name, keyHash);
  }

  issueNameCode(
    name: string,
    keyHash: string,
    codeHash: string,
    expiresAt: Date,
  ): Promise<boolean> {
    return this.#write((s) => s.issueNameCode(name, keyHash, codeHash, expiresAt));
  }

  redeemNameCode(
    name: string,
    codeHash: string,
    newKeyHash: string,
    maxFailures: number,
  ): Promise<RedeemOutcome> {
    return this.#write((s) => s.redeemNameCode(name, codeHash, newKeyHash, maxFailures));
  }

  /** Runs a write, reopening first when an earlier write found the connection read-only. */
  async #write<T>(op: (store: SqliteScoreStore) => Promise<T>): Promise<T> {
    if (this.#stale && !this.#closed) this.#reopen();
    try {
      return await op(this.#store);
    } catch (err) {
      if (isReadOnlyConnection(err)) this.#stale = true;
      throw err;
    }
  }

  replaysOf(seed: number, startLevel: number, limit: number): Promise<StoredReplay[]> {
    return this.#store.replaysOf(seed, startLevel, limit);
  }

  getReplay(id: string): Promise<string | undefined> {
    return this.#store.getReplay(id);
  }

  gameInfo(id: string): Promise<GameInfo | undefined> {
    return this.#store.gameInfo(id);
  }

  isReady(): boolean {
    return this.#store.isReady();
  }

  close(): void {
    this.#closed = true;
    this.#store.close();
  }

  /** Throws (keeping the old connection) when the file cannot be opened yet. */
  #reopen(): void {
    const fresh = SqliteScoreStore.open(this.#file, { ...this.#opts, migrate: false });
    this.#store.close();
    this.#store = fresh;
    this.#stale = false;
  }
}
