import { join } from 'node:path';
import { NAME_CODE_TTL_SECONDS } from '@tengen/protocol';
import { SqliteScoreStore } from '@tengen/scores';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '@tengen/test-kit/vitest';
import { hashMoveCode, hashNameKey, issueNameKey, newMoveCode } from './name-keys.ts';
import { NameRegistry } from './name-registry.ts';

const tempDir = useTempDirs('name-registry-');
const stores: SqliteScoreStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

/** A registry on a real SQLite file, with one clock for the registry and the store. */
async function setup() {
  const dir = tempDir();
  const clock = { t: Date.UTC(2026, 11, 1) };
  const store = SqliteScoreStore.open(join(dir, 'db.sqlite'), { now: () => new Date(clock.t) });
  stores.push(store);
  const key = issueNameKey();
  await store.saveGame({
    mode: 'solo',
    name: 'Ann',
    score: 1,
    lines: 0,
    level: 0,
    startLevel: 0,
    frames: 1,
    seed: 1,
    replayJson: '{}',
    engineVersion: 1,
    keyHash: hashNameKey(key),
  });
  return { store, clock, key, registry: new NameRegistry(store, () => clock.t) };
}

describe('NameRegistry', () => {
  it('refuses a code presented after its lifetime, and it stays refused', async () => {
    const { registry, clock, key, store } = await setup();
    const issued = await registry.requestCode('1.1.1.1', { name: 'Ann', key });
    if (!issued.ok) throw new Error(issued.message);
    clock.t += NAME_CODE_TTL_SECONDS * 1000;
    expect(await registry.claim('2.2.2.2', { name: 'Ann', code: issued.body.code })).toEqual({
      ok: false,
      status: 410,
      message: 'That code has expired. Ask for a new one on your other device.',
    });
    expect(await registry.claim('2.2.2.2', { name: 'Ann', code: issued.body.code })).toMatchObject({
      status: 404,
    });
    expect(await store.nameStatus('Ann', hashNameKey(key))).toBe('yours');
  });

  it('keeps a presented key when moving, and issues one when none was sent', async () => {
    const { registry, key } = await setup();
    const other = issueNameKey();
    const c1 = await registry.requestCode('1.1.1.1', { name: 'ann', key });
    if (!c1.ok) throw new Error(c1.message);
    expect(
      await registry.claim('2.2.2.2', { name: 'ANN', code: c1.body.code, key: other }),
    ).toEqual({
      ok: true,
      body: { name: 'ANN', key: other },
    });
    const c2 = await registry.requestCode('1.1.1.1', { name: 'ann', key: other });
    if (!c2.ok) throw new Error(c2.message);
    const moved = await registry.claim('3.3.3.3', { name: 'ann', code: c2.body.code });
    expect(moved.ok && moved.body.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('hashes codes per name and keys without their clear text', () => {
    const code = newMoveCode();
    expect(hashMoveCode('Ann', code)).toBe(hashMoveCode('ann', code));
    expect(hashMoveCode('bob', code)).not.toBe(hashMoveCode('ann', code));
    expect(hashMoveCode('ann', code)).not.toContain(code);
    const key = issueNameKey();
    expect(hashNameKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(Array.from({ length: 200 }, newMoveCode)).size).toBe(200);
  });
});
