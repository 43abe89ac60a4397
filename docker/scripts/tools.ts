/**
 * Shared helpers for the image scripts: which container builder this machine has, where buildah
 * keeps its storage, and a small synchronous command runner that fails loudly.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Repository root (the image's build context). */
export const repoRoot = join(import.meta.dirname, '..', '..');

/** Where buildah keeps images: a private store, so no system configuration is needed. */
export const buildahStore = join(
  process.env['TENGEN_CACHE'] ?? join(homedir(), '.cache', 'tengen'),
  'buildah',
);

/** Global flags for every buildah call (vfs storage works without overlay or fuse). */
export const buildahFlags = [
  '--root',
  join(buildahStore, 'root'),
  '--runroot',
  join(buildahStore, 'run'),
  '--storage-driver',
  'vfs',
];

/** True when a command exists on PATH. */
export function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** True when a Docker daemon answers (not just the client binary). */
export function hasDockerDaemon(): boolean {
  return has('docker') && spawnSync('docker', ['info'], { stdio: 'ignore' }).status === 0;
}

/** Runs a command, streaming its output; throws with the command line when it fails. */
export function run(command: string, args: string[], options: SpawnSyncOptions = {}): void {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  }
}

/** Runs a command and returns its trimmed standard output; throws when it fails. */
export function capture(command: string, args: string[], options: SpawnSyncOptions = {}): string {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed: ${String(result.stderr).trim()}`);
  }
  return String(result.stdout).trim();
}

/** Runs buildah with the private store. */
export function buildah(args: string[], options: SpawnSyncOptions = {}): void {
  run('buildah', [...buildahFlags, ...args], options);
}

/** Runs buildah with the private store and returns its output. */
export function buildahOut(args: string[]): string {
  return capture('buildah', [...buildahFlags, ...args]);
}

/** The image metadata every build stamps: version from package.json, revision from git. */
export function imageMetadata(): { version: string; revision: string } {
  const version = capture('node', ['-p', 'require("./package.json").version'], { cwd: repoRoot });
  let revision = 'unknown';
  try {
    revision = capture('git', ['rev-parse', 'HEAD'], { cwd: repoRoot });
  } catch {
    // Not a git checkout (e.g. a source tarball): the label says so.
  }
  return { version, revision };
}
