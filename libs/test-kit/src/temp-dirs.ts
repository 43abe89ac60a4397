import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/**
 * Fresh temporary folders for a spec file's tests: each call of the returned function makes a new
 * folder (`<os tmp>/<prefix>XXXXXX`), and every folder a test made is removed after that test
 * (Vitest `afterEach`, or the `afterEach` passed in).
 */
export function useTempDirs(
  prefix: string,
  hooks: { afterEach(fn: () => void): void } = { afterEach },
): () => string {
  const made: string[] = [];
  hooks.afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}
