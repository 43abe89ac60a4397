import pg from 'pg';
import { startPostgres } from '@tengen/test-kit';

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
 * The scale-out store: one PostgreSQL server (test-kit's `startPostgres`, Debian's binaries in a
 * temporary folder on a free port) with a fresh database that every process opens through
 * `DATABASE_URL`, as production's pods open Aurora. This is the one place the cluster tests
 * choose their database.
 */
export async function clusterDatabase(): Promise<ClusterDatabase> {
  const server = await startPostgres();
  const { url } = await server.createDatabase();
  return {
    env: { DATABASE_URL: url },
    async storedGameIds() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query<{ id: string }>('SELECT id FROM games')).rows.map((r) => r.id);
      } finally {
        await client.end();
      }
    },
    stop: () => server.stop(),
  };
}
