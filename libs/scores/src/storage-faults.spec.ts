import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReopeningScoreStore } from './reopening-score-store.ts';
import { isStorageUnavailable } from './retry.ts';
import { newGameId, SqliteScoreStore } from './sqlite-score-store.ts';
import { testGame } from './testing/games.ts';
import { storeBackends } from './testing/store-backends.ts';
import { tempStores } from './testing/temp-stores.ts';

const immutable: string[] = [];
// Files are made writable again before they are removed.
const temp = tempStores('scores-faults-', () => {
  for (const p of immutable.splice(0)) chattr('-i', p);
});

function chattr(flag: '+i' | '-i', path: string): void {
  execFileSync('chattr', [flag, path]);
  if (flag === '+i') immutable.push(path);
}

/** `chattr +i` stops writes even for root (chmod does not); it needs root and a filesystem that supports it. */
function canChattr(): string | undefined {
  if (process.getuid?.() !== 0) return 'not root';
  const f = temp.file();
  SqliteScoreStore.open(f).close();
  try {
    chattr('+i', f);
    chattr('-i', f);
    immutable.length = 0;
    return undefined;
  } catch (err) {
    return `chattr failed: ${(err as Error).message}`;
  }
}
const noChattr = canChattr();
if (noChattr) console.warn(`storage-faults.spec: read-only file tests skipped (${noChattr})`);

const game = (name: string, score: number, id?: string) => testGame(name, score, id ? { id } : {});

describe.each(storeBackends())('saving with a caller-chosen id on $name', (backend) => {
  it('stores a game once when the same id is saved again, and reports the same rank', async () => {
    const store = await (await backend.fresh()).open();
    await store.saveGame(game('top', 9_000));
    const id = newGameId();
    const first = await store.saveGame(game('ann', 500, id));
    const again = await store.saveGame(game('ann', 500, id));
    expect(first).toEqual({ id, rank: 2, claimed: false });
    expect(again).toEqual({ id, rank: 2, claimed: false });
    const board = await store.topScores('solo', 10);
    expect(board.map((e) => [e.name, e.replayId])).toEqual([
      ['top', board[0]?.replayId],
      ['ann', id],
    ]);
  });

  it('keeps the submit time of a game saved late, so it keeps its place among equal scores', async () => {
    const store = await (
      await backend.fresh()
    ).open({
      now: () => new Date(Date.UTC(2026, 10, 2)),
    });
    await store.saveGame(game('now', 700));
    const late = await store.saveGame({
      ...game('late', 700),
      createdAt: new Date(Date.UTC(2026, 10, 1)),
    });
    expect(late.rank).toBe(1);
    expect((await store.topScores('solo', 10)).map((e) => e.name)).toEqual(['late', 'now']);
  });

  it('refuses an id that is stored for a different game', async () => {
    const store = await (await backend.fresh()).open();
    const id = newGameId();
    await store.saveGame(game('ann', 500, id));
    const other = { ...game('bob', 700, id), replayJson: '{"other":true}' };
    await expect(store.saveGame(other)).rejects.toThrow(/already stored for another game/);
    expect((await store.topScores('solo', 10)).map((e) => e.name)).toEqual(['ann']);
  });
});

describe.skipIf(noChattr)('a database that cannot be written (root, chattr +i)', () => {
  it('a file that was read-only at open is written once it is writable again (new connection)', async () => {
    const file = temp.file();
    SqliteScoreStore.open(file).close();
    chattr('+i', file);
    const plain = SqliteScoreStore.open(file);
    const reopening = ReopeningScoreStore.open(file);
    temp.keep(plain);
    temp.keep(reopening);
    for (const s of [plain, reopening]) {
      const err = await s.saveGame(game('ann', 1)).catch((e: unknown) => e);
      expect((err as { code?: string }).code).toBe('SQLITE_READONLY');
      expect(isStorageUnavailable(err)).toBe(true);
    }
    chattr('-i', file);
    // SQLite's read-only fallback connection never writes again: the plain store shows why the
    // reopening one exists.
    await expect(plain.saveGame(game('bob', 2))).rejects.toMatchObject({ code: 'SQLITE_READONLY' });
    await expect(reopening.saveGame(game('ann', 3))).resolves.toMatchObject({ rank: 1 });
  });

  it('an immutable folder (no journal can be created) fails with a storage error, then recovers', async () => {
    const file = temp.file();
    const store = temp.keep(ReopeningScoreStore.open(file));
    chattr('+i', join(file, '..'));
    const err = await store.saveGame(game('ann', 1)).catch((e: unknown) => e);
    expect((err as { code?: string }).code).toMatch(/^SQLITE_CANTOPEN/);
    expect(isStorageUnavailable(err)).toBe(true);
    chattr('-i', join(file, '..'));
    await expect(store.saveGame(game('ann', 2))).resolves.toMatchObject({ rank: 1 });
  });
});

describe('isStorageUnavailable', () => {
  it('is false for errors a retry cannot fix', () => {
    expect(
      isStorageUnavailable(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT_PRIMARYKEY' })),
    ).toBe(false);
    expect(isStorageUnavailable(new Error('plain'))).toBe(false);
    expect(isStorageUnavailable(undefined)).toBe(false);
    expect(isStorageUnavailable(Object.assign(new Error('x'), { code: 'SQLITE_FULL' }))).toBe(true);
  });
});
