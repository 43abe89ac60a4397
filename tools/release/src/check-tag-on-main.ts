/**
 * The production gate on a release tag: the tag must be a release name (`vMAJOR.MINOR.PATCH`, with
 * an optional `-pre` suffix) and point at a commit that is on main, so production only ever runs a
 * commit that went through main's CI and staging. Run by the `production` job of deploy.yml before
 * any credentials:
 *   node tools/release/src/check-tag-on-main.ts --tag "$GITHUB_REF_NAME" --fetch
 * Exits 1 with the reason when the tag fails either rule.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

/** A release tag's name: `v1.2.3` or `v1.2.3-rc.1`. */
export const RELEASE_TAG = /^v\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

/** The remote-tracking ref of main that a tag is checked against. */
export const MAIN_REF = 'refs/remotes/origin/main';

/** Where to check and what: a git working directory, a tag name, the ref of main. */
export interface TagCheck {
  cwd: string;
  tag: string;
  mainRef?: string;
  /** Fetch origin's main first (a tag-triggered checkout may not have it). */
  fetch?: boolean;
}

function git(cwd: string, args: string[]): { ok: boolean; out: string; err: string } {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  return {
    ok: result.status === 0,
    out: String(result.stdout ?? '').trim(),
    err: String(result.stderr ?? '').trim(),
  };
}

/** Checks the tag; returns the commit it points at, or throws naming the rule it breaks. */
export function checkTagOnMain(check: TagCheck): { commit: string } {
  const mainRef = check.mainRef ?? MAIN_REF;
  if (!RELEASE_TAG.test(check.tag)) {
    throw new Error(`tag "${check.tag}" is not a release tag (vMAJOR.MINOR.PATCH[-pre])`);
  }
  if (check.fetch) {
    const fetched = git(check.cwd, [
      'fetch',
      '--no-tags',
      'origin',
      `+refs/heads/main:${MAIN_REF}`,
    ]);
    if (!fetched.ok) throw new Error(`git fetch of origin's main failed: ${fetched.err}`);
  }
  const commit = git(check.cwd, [
    'rev-parse',
    '--verify',
    '--quiet',
    `refs/tags/${check.tag}^{commit}`,
  ]);
  if (!commit.ok) throw new Error(`tag "${check.tag}" does not exist or names no commit`);
  const main = git(check.cwd, ['rev-parse', '--verify', '--quiet', `${mainRef}^{commit}`]);
  if (!main.ok) throw new Error(`${mainRef} does not exist: fetch main first (--fetch)`);
  const onMain = git(check.cwd, ['merge-base', '--is-ancestor', commit.out, main.out]);
  if (!onMain.ok) {
    throw new Error(
      `tag "${check.tag}" points at ${commit.out}, which is not on main (${mainRef} is ${main.out}): tag a commit of main`,
    );
  }
  return { commit: commit.out };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      tag: { type: 'string' },
      main: { type: 'string' },
      fetch: { type: 'boolean', default: false },
    },
  });
  try {
    const { commit } = checkTagOnMain({
      cwd: process.cwd(),
      tag: values.tag ?? '',
      mainRef: values.main,
      fetch: values.fetch,
    });
    console.log(`release tag ${values.tag} points at ${commit}, a commit of main`);
  } catch (error) {
    console.error(`check-tag-on-main: ${(error as Error).message}`);
    process.exit(1);
  }
}
