import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { serverMain, workspaceRoot } from './spawn-server.ts';

const here = fileURLToPath(import.meta.url);
const repo = join(import.meta.dirname, '..', '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'tengen-server-main-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('serverMain', () => {
  it('refuses a missing, empty or wrong TENGEN_SERVER_MAIN with a message naming the variable and the file', () => {
    expect(() => serverMain({}, scratch)).toThrow(
      new RegExp(`^TENGEN_SERVER_MAIN is not set: .*in ${join(scratch, '.env')}$`),
    );
    expect(() => serverMain({ TENGEN_SERVER_MAIN: '' }, scratch)).toThrow(
      /^TENGEN_SERVER_MAIN is empty/,
    );
    expect(() => serverMain({ TENGEN_SERVER_MAIN: '/nowhere/main.ts' }, scratch)).toThrow(
      /^TENGEN_SERVER_MAIN names no file/,
    );
  });

  it('returns the named file as an absolute path, a relative one taken from the workspace root', () => {
    expect(serverMain({ TENGEN_SERVER_MAIN: here }, scratch)).toBe(here);
    expect(serverMain({ TENGEN_SERVER_MAIN: relative(repo, here) }, repo)).toBe(here);
  });

  it("reads the workspace's .env when the environment does not name it, and the environment wins", () => {
    const root = join(scratch, 'ws');
    mkdirSync(join(root, 'srv'), { recursive: true });
    writeFileSync(join(root, 'srv', 'main.ts'), '');
    writeFileSync(join(root, '.env'), '# comment\nTENGEN_SERVER_MAIN=srv/main.ts\n');
    expect(serverMain({}, root)).toBe(join(root, 'srv', 'main.ts'));
    expect(serverMain({ TENGEN_SERVER_MAIN: here }, root)).toBe(here);
  });

  it("this repository's .env names the server's entry point", () => {
    expect(serverMain({}, repo)).toBe(join(repo, 'apps', 'server', 'src', 'main.ts'));
  });
});

describe('workspaceRoot', () => {
  it("is Nx's NX_WORKSPACE_ROOT, else the nearest folder with nx.json above the working directory", () => {
    expect(workspaceRoot({ NX_WORKSPACE_ROOT: '/x' })).toBe('/x');
    expect(workspaceRoot({}, join(repo, 'libs', 'test-kit', 'src'))).toBe(repo);
    expect(() => workspaceRoot({}, tmpdir())).toThrow(/no nx.json/);
  });
});
