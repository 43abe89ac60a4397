/**
 * The registry side of promotion by digest, run with skopeo (on GitHub's runners and here from
 * Debian): read a tag's digest, mark a staging digest as tested, promote a tested digest to another
 * repository. Every function checks digests itself; none trusts a tag alone.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  copyCommand,
  digestOf,
  DIGEST,
  inspectCommand,
  reference,
  testedTag,
  type ImageRecord,
} from './promote-plan.ts';
import type { PlanStep } from '@tengen/delivery';

/** Registry access options: TLS verification is on except for loopback test registries. */
export interface RegistryOptions {
  tlsVerify?: boolean;
}

/** The digest `ref` (repository:tag or @digest) resolves to, or undefined when it does not exist. */
export function manifestDigest(ref: string, options: RegistryOptions = {}): string | undefined {
  const [command, ...args] = inspectCommand(ref, options.tlsVerify);
  const result = spawnSync(command!, args, { encoding: 'buffer' });
  if (result.status === 0) return digestOf(result.stdout);
  const stderr = result.stderr.toString();
  if (/manifest unknown|not found|does not exist|MANIFEST_UNKNOWN/i.test(stderr)) return undefined;
  throw new Error(`skopeo inspect ${ref} failed: ${stderr.trim()}`);
}

function copy(source: string, target: string, options: RegistryOptions): void {
  const [command, ...args] = copyCommand(source, target, options.tlsVerify);
  const result = spawnSync(command!, args, { encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`skopeo copy ${source} -> ${target} failed: ${result.stderr.trim()}`);
}

/**
 * Makes `into` (repository:tag) name `digest`, copied from `from` (a repository that has it): a
 * no-op when the tag already names that digest, an error when it names another (tags are immutable).
 */
function place(from: string, digest: string, into: string, options: RegistryOptions): void {
  const existing = manifestDigest(into, options);
  if (existing === undefined) copy(reference(from, { digest }), into, options);
  else if (existing !== digest) {
    throw new Error(`${into} already names ${existing}, not ${digest}: refusing to move a tag`);
  }
  const served = manifestDigest(into, options);
  if (served !== digest)
    throw new Error(`${into} serves ${served ?? 'nothing'}, expected ${digest}`);
}

/** After staging passed on `record`: tags its digest `tested-<revision>` in the staging repository. */
export function markTested(record: ImageRecord, options: RegistryOptions = {}): void {
  const pushed = manifestDigest(reference(record.repository, { tag: record.revision }), options);
  if (pushed !== record.digest) {
    throw new Error(
      `${record.repository}:${record.revision} is ${pushed ?? 'missing'}, but staging deployed ${record.digest}`,
    );
  }
  const tested = reference(record.repository, { tag: testedTag(record.revision) });
  place(record.repository, record.digest, tested, options);
}

/**
 * Production's image: the digest staging tested for `revision` (its `tested-<revision>` tag),
 * copied into `target` as `<revision>`. Fails when staging never passed that revision, or when the
 * target's tag already names another digest. Returns the digest.
 */
export function promote(
  input: { source: string; target: string; revision: string },
  options: RegistryOptions = {},
): string {
  const tested = reference(input.source, { tag: testedTag(input.revision) });
  const digest = manifestDigest(tested, options);
  if (!digest || !DIGEST.test(digest)) {
    throw new Error(
      `${tested} does not exist: staging has not passed revision ${input.revision} (only commits of main that passed CI and staging can be released)`,
    );
  }
  place(input.source, digest, reference(input.target, { tag: input.revision }), options);
  return digest;
}

/** Writes the record chart:deploy reads. */
export function writeImageRecord(path: string, record: ImageRecord): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(record, null, 2)}\n`);
}

/**
 * Runs plan steps (a login's password is piped from its `stdinFrom` command, never printed);
 * `flagsFor` adds a command's own global flags (buildah's storage settings on this machine).
 */
export function runSteps(
  steps: PlanStep[],
  flagsFor: (command: string) => readonly string[] = () => [],
): void {
  for (const step of steps) {
    const input = step.stdinFrom
      ? spawnSync(step.stdinFrom[0]!, step.stdinFrom.slice(1), { encoding: 'utf8' })
      : undefined;
    if (input && input.status !== 0)
      throw new Error(`${step.stdinFrom!.join(' ')} failed: ${input.stderr}`);
    const [command, ...args] = step.command;
    const result = spawnSync(command!, [...flagsFor(command!), ...args], {
      stdio: [input ? 'pipe' : 'inherit', 'inherit', 'inherit'],
      input: input?.stdout,
    });
    if (result.status !== 0) throw new Error(`${step.description} failed (exit ${result.status})`);
  }
}
