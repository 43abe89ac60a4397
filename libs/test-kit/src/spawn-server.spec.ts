import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { serverMain } from './spawn-server.ts';

describe('serverMain', () => {
  it('refuses a missing, empty or wrong TENGEN_SERVER_MAIN with a message naming the variable', () => {
    expect(() => serverMain({})).toThrow(/^TENGEN_SERVER_MAIN is not set: .*Nx targets/);
    expect(() => serverMain({ TENGEN_SERVER_MAIN: '' })).toThrow(/^TENGEN_SERVER_MAIN is empty/);
    expect(() => serverMain({ TENGEN_SERVER_MAIN: '/nowhere/main.ts' })).toThrow(
      /^TENGEN_SERVER_MAIN names no file/,
    );
  });

  it('returns the named file as an absolute path', () => {
    const here = fileURLToPath(import.meta.url);
    expect(serverMain({ TENGEN_SERVER_MAIN: here })).toBe(here);
    // A relative name (as the bench targets give it) is taken from the working directory.
    expect(serverMain({ TENGEN_SERVER_MAIN: relative(process.cwd(), here) })).toBe(here);
  });
});
