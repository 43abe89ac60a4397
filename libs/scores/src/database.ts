import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/** An open better-sqlite3 connection. */
export type SqliteDatabase = Database.Database;

/** How to open the score database. */
export interface OpenOptions {
  /** Milliseconds SQLite itself waits on a lock before reporting SQLITE_BUSY (blocks the thread). */
  busyTimeoutMs?: number;
  /** The same while opening: setting the journal mode waits for another process's migration. */
  openTimeoutMs?: number;
}

/**
 * Opens (creating the folder and file if needed) the SQLite file with the settings every process
 * must agree on: a rollback journal (`journal_mode=DELETE`) because the file may live on NFS/EFS,
 * where WAL's shared memory does not work, and a short `busy_timeout` so a blocked lock surfaces
 * quickly as SQLITE_BUSY and is retried with backoff off the event loop (see `withRetry`).
 */
export function openDatabase(file: string, opts: OpenOptions = {}): SqliteDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.exec(`PRAGMA busy_timeout = ${Math.trunc(opts.openTimeoutMs ?? 30_000)}`);
    db.exec('PRAGMA journal_mode = DELETE');
    const mode = db.prepare<[], string>('PRAGMA journal_mode').pluck().get();
    if (file !== ':memory:' && String(mode).toLowerCase() !== 'delete') {
      throw new Error(`SQLite refused journal_mode=DELETE for ${file} (got ${String(mode)})`);
    }
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA foreign_keys = ON');
    db.exec(`PRAGMA busy_timeout = ${Math.trunc(opts.busyTimeoutMs ?? 200)}`);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
