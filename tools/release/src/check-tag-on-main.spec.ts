import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTagOnMain, RELEASE_TAG } from './check-tag-on-main.ts';

const script = join(import.meta.dirname, 'check-tag-on-main.ts');
const env = {
  ...process.env,
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.org',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.org',
};
const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', args, {
    cwd,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();

/**
 * A real origin (bare) and the CI's clone of it, as actions/checkout leaves a tag build: main has
 * three commits, a feature branch one more, and the tags are pushed to origin.
 */
let root: string;
let clone: string;
const commits: Record<string, string> = {};

function commit(cwd: string, name: string): string {
  writeFileSync(join(cwd, `${name}.txt`), name);
  git(cwd, 'add', '.');
  git(cwd, 'commit', '-q', '-m', name);
  return git(cwd, 'rev-parse', 'HEAD');
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'tag-on-main-'));
  const origin = join(root, 'origin.git');
  const work = join(root, 'work');
  git(root, 'init', '-q', '--bare', '-b', 'main', origin);
  git(root, 'clone', '-q', origin, work);
  git(work, 'checkout', '-q', '-b', 'main');
  commits['first'] = commit(work, 'first');
  commits['second'] = commit(work, 'second');
  git(work, 'push', '-q', 'origin', 'main');
  git(work, 'checkout', '-q', '-b', 'feature');
  commits['feature'] = commit(work, 'feature');
  git(work, 'push', '-q', 'origin', 'feature');
  git(work, 'tag', 'v1.0.0', commits['first']!); // lightweight, an older commit of main
  git(work, 'tag', '-a', '-m', 'release', 'v1.1.0', commits['second']!); // annotated, main's head
  git(work, 'tag', 'v1.2.0-rc.1', commits['feature']!); // on a branch that never reached main
  git(work, 'tag', 'nightly', commits['second']!);
  git(work, 'push', '-q', 'origin', '--tags');
  // The CI checkout: a fresh clone of origin.
  clone = join(root, 'ci');
  git(root, 'clone', '-q', origin, clone);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('check-tag-on-main', () => {
  it('accepts a tag on main, lightweight or annotated, and returns the commit (not the tag object)', () => {
    expect(checkTagOnMain({ cwd: clone, tag: 'v1.1.0' })).toEqual({ commit: commits['second'] });
    expect(checkTagOnMain({ cwd: clone, tag: 'v1.0.0' })).toEqual({ commit: commits['first'] });
  });

  it('refuses a tag on a commit that is not on main', () => {
    expect(() => checkTagOnMain({ cwd: clone, tag: 'v1.2.0-rc.1' })).toThrow(
      new RegExp(`points at ${commits['feature']}, which is not on main`),
    );
  });

  it('refuses names that are not release tags, and tags that do not exist', () => {
    expect(() => checkTagOnMain({ cwd: clone, tag: 'nightly' })).toThrow(/not a release tag/);
    expect(() => checkTagOnMain({ cwd: clone, tag: 'v9.9.9' })).toThrow(/does not exist/);
    for (const bad of ['v1', 'v1.2', '1.2.3', 'v1.2.3 ', 'v1.2.3;rm', '']) {
      expect(RELEASE_TAG.test(bad), bad).toBe(false);
    }
  });

  it('refuses when main is unknown, and fetches main when asked', () => {
    const bare = join(root, 'tag-only');
    // A checkout that has the tag but no remote-tracking main (as a shallow tag build may have).
    git(root, 'init', '-q', bare);
    git(bare, 'remote', 'add', 'origin', join(root, 'origin.git'));
    git(bare, 'fetch', '-q', 'origin', 'refs/tags/v1.1.0:refs/tags/v1.1.0');
    expect(() => checkTagOnMain({ cwd: bare, tag: 'v1.1.0' })).toThrow(
      /origin\/main does not exist/,
    );
    expect(checkTagOnMain({ cwd: bare, tag: 'v1.1.0', fetch: true }).commit).toBe(
      commits['second'],
    );
  });

  it('as a script: exit 0 for a tag on main, exit 1 with the reason otherwise', () => {
    const run = (tag: string) =>
      spawnSync(process.execPath, [script, '--tag', tag, '--fetch'], {
        cwd: clone,
        encoding: 'utf8',
      });
    const ok = run('v1.1.0');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`points at ${commits['second']}, a commit of main`);
    const bad = run('v1.2.0-rc.1');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/check-tag-on-main: .* is not on main/);
  });
});
