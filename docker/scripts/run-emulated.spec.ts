import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pathIntoRoot } from './run-emulated.ts';

const root = mkdtempSync(join(tmpdir(), 'tengen-root-'));
mkdirSync(join(root, 'app/dist/apps/client'), { recursive: true });
writeFileSync(join(root, 'app/dist/apps/client/index.html'), '<html>');
mkdirSync(join(root, 'data'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("an emulated image's environment paths", () => {
  it('points absolute paths that exist in the image (or whose folder does) into its root', () => {
    expect(pathIntoRoot(root, '/app/dist/apps/client')).toBe(join(root, 'app/dist/apps/client'));
    // The database file does not exist yet; its folder does.
    expect(pathIntoRoot(root, '/data/tengen.db')).toBe(join(root, 'data/tengen.db'));
  });

  it('leaves relative paths, lists, plain values and paths the image does not have alone', () => {
    expect(pathIntoRoot(root, 'dist/apps/client')).toBe('dist/apps/client');
    expect(pathIntoRoot(root, '/usr/local/bin:/usr/bin')).toBe('/usr/local/bin:/usr/bin');
    expect(pathIntoRoot(root, 'production')).toBe('production');
    expect(pathIntoRoot(root, '/nowhere/at/all')).toBe('/nowhere/at/all');
  });
});
