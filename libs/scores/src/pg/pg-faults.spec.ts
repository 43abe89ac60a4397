import { startPostgres, type TestPostgres } from '@tengen/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStorageUnavailable } from '../retry.ts';
import { testGame } from '../testing/games.ts';
import { DatabaseUnavailableError } from './pg-errors.ts';
import { PgScoreStore } from './pg-score-store.ts';

let server: TestPostgres;
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(() => server.stop());

const game = (name: string, score: number) => testGame(name, score);

describe('PostgreSQL out of reach', () => {
  it('rejects with one storage error while the server is down, turns unready, and recovers after', async () => {
    const { url } = await server.createDatabase();
    const store = await PgScoreStore.open({
      url,
      probeIntervalMs: 100,
    });
    try {
      await store.saveGame(game('ann', 10));
      await server.halt('immediate');
      const err = await store.saveGame(game('bob', 20)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DatabaseUnavailableError);
      expect(isStorageUnavailable(err)).toBe(true);
      expect((err as Error).message).toMatch(
        /^PostgreSQL at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/\w+ is unavailable: /,
      );
      expect((err as Error).message).not.toContain(':postgres@');
      expect((err as Error).message).not.toContain('\n');
      expect(store.isReady()).toBe(false);
      await expect(store.topScores('solo', 10)).rejects.toBeInstanceOf(DatabaseUnavailableError);
      await server.resume();
      await expect.poll(() => store.isReady(), { timeout: 10_000 }).toBe(true);
      expect((await store.saveGame(game('bob', 20))).rank).toBe(1);
      expect((await store.topScores('solo', 10)).map((e) => e.name)).toEqual(['bob', 'ann']);
    } finally {
      store.close();
    }
  });

  it('refuses to open a database nobody answers for, in one line without the password', async () => {
    const url = `postgres://tengen:s3cret@127.0.0.1:${server.port + 1}/nowhere`;
    const err = await PgScoreStore.open({ url }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseUnavailableError);
    expect((err as Error).message).toMatch(/is unavailable: .*ECONNREFUSED/);
    expect((err as Error).message).not.toContain('s3cret');
  });

  it('takes a password function (an IAM token provider) in place of the URL password', async () => {
    const { url } = await server.createDatabase();
    const bare = url.replace(':postgres@', '@');
    let calls = 0;
    const store = await PgScoreStore.open({
      url: bare,
      password: async () => {
        calls++;
        return 'postgres';
      },
    });
    try {
      expect((await store.saveGame(game('ann', 1))).rank).toBe(1);
      expect(calls).toBeGreaterThan(0);
    } finally {
      store.close();
    }
    // A wrong password is not an outage: it is said as PostgreSQL says it.
    const err = await PgScoreStore.open({ url: bare, password: 'wrong' }).catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(DatabaseUnavailableError);
    expect((err as { code?: string }).code).toBe('28P01');
  });
});
