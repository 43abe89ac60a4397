import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from './temp-dirs.ts';

describe('useTempDirs', () => {
  it('makes a new folder each call and removes them all, with their files, after the test', () => {
    let cleanup: (() => void) | undefined;
    const tempDir = useTempDirs('kit-temp-', { afterEach: (fn) => void (cleanup = fn) });
    const a = tempDir();
    const b = tempDir();
    expect(a).not.toBe(b);
    expect(dirname(a)).toBe(tmpdir());
    expect(basename(a)).toMatch(/^kit-temp-/);
    writeFileSync(join(a, 'db.sqlite'), 'x');
    expect([existsSync(a), existsSync(b)]).toEqual([true, true]);

    cleanup?.();
    expect([existsSync(a), existsSync(b)]).toEqual([false, false]);
    // The next test's folders are its own: nothing left to remove from the last one.
    const c = tempDir();
    cleanup?.();
    expect(existsSync(c)).toBe(false);
  });
});

describe('useTempDirs under Vitest', () => {
  const tempDir = useTempDirs('kit-temp-hook-');
  let first = '';

  it('gives a test a folder to write in', () => {
    first = tempDir();
    writeFileSync(join(first, 'file'), 'x');
    expect(existsSync(first)).toBe(true);
  });

  it('has removed the last test’s folder by the next test', () => {
    expect(first).not.toBe('');
    expect(existsSync(first)).toBe(false);
  });
});
