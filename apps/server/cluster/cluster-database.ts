import { join } from 'node:path';
import { openDatabase } from '@tengen/scores';

/**
 * The database every process of the test cluster shares: the environment that points a server
 * process at it, and a read of the stored games' ids for the exactly-once check.
 */
export interface ClusterDatabase {
  /** Added to every server process's environment (`DB_FILE=...`, or `DATABASE_URL=...`). */
  env: Record<string, string>;
  /** The id of every stored game (duplicates included, if any). */
  storedGameIds(): Promise<string[]>;
  /** Stops the database server, if it has one. */
  stop(): Promise<void>;
}

/**
 * One SQLite file on local disk opened by every process (the server's own pragmas: rollback
 * journal, short busy timeout, as on EFS). To run the cluster tests against PostgreSQL, return a
 * `ClusterDatabase` built on test-kit's PostgreSQL server here (`env: { DATABASE_URL }`, the ids
 * from `SELECT id FROM games`): this is the one place the cluster tests choose their database.
 */
export function clusterDatabase(dir: string): Promise<ClusterDatabase> {
  const file = join(dir, 'shared.sqlite');
  return Promise.resolve({
    env: { DB_FILE: file },
    storedGameIds() {
      const db = openDatabase(file);
      try {
        return Promise.resolve(db.prepare<[], string>('SELECT id FROM games').pluck().all());
      } finally {
        db.close();
      }
    },
    stop: () => Promise.resolve(),
  });
}
