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
 * journal, short busy timeout, as on EFS). This is the one place the cluster tests choose their
 * database. For PostgreSQL (test-kit's `startPostgres`, once the PostgreSQL store is merged), the
 * body becomes:
 *
 *     const server = await startPostgres();
 *     const { url } = await server.createDatabase();
 *     return {
 *       env: { DATABASE_URL: url },
 *       async storedGameIds() {
 *         const client = new pg.Client({ connectionString: url });
 *         await client.connect();
 *         try {
 *           return (await client.query<{ id: string }>('SELECT id FROM games')).rows.map((r) => r.id);
 *         } finally {
 *           await client.end();
 *         }
 *       },
 *       stop: () => server.stop(),
 *     };
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
