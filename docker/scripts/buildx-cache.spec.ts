import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildxCacheFlags, nextCacheDir, rotateBuildxCache } from './buildx-cache.ts';

const root = mkdtempSync(join(tmpdir(), 'buildx-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('buildx layer cache', () => {
  it('reads the kept folder and writes every layer to a fresh one', () => {
    expect(buildxCacheFlags(undefined)).toEqual([]);
    expect(buildxCacheFlags('/c')).toEqual([
      '--cache-from',
      'type=local,src=/c',
      '--cache-to',
      'type=local,dest=/c-next,mode=max',
    ]);
  });

  it('replaces the old cache with the fresh one, and keeps the old one when no build wrote one', () => {
    const dir = join(root, 'cache');
    mkdirSync(dir);
    writeFileSync(join(dir, 'index.json'), 'old');
    rotateBuildxCache(dir);
    expect(readFileSync(join(dir, 'index.json'), 'utf8')).toBe('old');
    mkdirSync(nextCacheDir(dir));
    writeFileSync(join(nextCacheDir(dir), 'index.json'), 'new');
    rotateBuildxCache(dir);
    expect(readFileSync(join(dir, 'index.json'), 'utf8')).toBe('new');
    expect(existsSync(nextCacheDir(dir))).toBe(false);
  });
});
