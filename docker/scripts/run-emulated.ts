/**
 * Runs a built image of another architecture (arm64 on this amd64 machine) as a local process,
 * without binfmt_misc or a container runtime: the image's root filesystem is mounted from the
 * buildah store and its entrypoint runs under qemu user-mode emulation with that root as the
 * library prefix (`qemu-aarch64-static -L <root>`). Its environment and working directory are the
 * image's; it runs as this machine's user (no user namespace), on the host network.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { qemuUser, type Arch } from './platforms.ts';
import type { RunningContainer } from './run-container.ts';
import { buildahOut, has } from './tools.ts';
import { stopProcess } from './run-container.ts';

/** The parts of an image's OCI config a run needs. */
interface ImageConfig {
  Entrypoint?: string[];
  Env?: string[];
  WorkingDir?: string;
}

/**
 * qemu-user's `-L` redirects open() to the root but not stat() or access() (aarch64 has only the
 * *at forms, which it leaves alone: Node's `existsSync('/app/...')` says false), so an absolute
 * path in the image's environment (`CLIENT_DIR=/app/dist/apps/client`, `DB_FILE=/data/...`) is
 * given as its place inside the mounted root when it (or its folder) exists there.
 */
export function pathIntoRoot(root: string, value: string): string {
  if (!value.startsWith('/') || value.includes(':')) return value;
  const inRoot = join(root, value);
  return existsSync(inRoot) || existsSync(dirname(inRoot)) ? inRoot : value;
}

/** Finds `command` on the image's PATH inside its mounted root. */
function resolveInRoot(root: string, command: string, env: Map<string, string>): string {
  if (command.startsWith('/')) return join(root, command);
  for (const dir of (env.get('PATH') ?? '/usr/local/bin:/usr/bin:/bin').split(':')) {
    const candidate = join(root, dir, command);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`${command} is not on the image's PATH`);
}

/** Starts `image` (built for `arch`) with `env` added to its environment, emulated. */
export function runEmulated(
  image: string,
  arch: Arch,
  env: Record<string, string>,
): RunningContainer {
  const qemu = qemuUser(arch);
  if (!has(qemu)) throw new Error(`${qemu} is missing: apt-get install qemu-user-static`);
  const inspected = JSON.parse(buildahOut(['inspect', '--type', 'image', image])) as {
    OCIv1: { architecture: string; config: ImageConfig };
  };
  if (inspected.OCIv1.architecture !== arch)
    throw new Error(`${image} is ${inspected.OCIv1.architecture}, not ${arch}`);
  const { config } = inspected.OCIv1;
  if (!config.Entrypoint?.length) throw new Error(`${image} has no entrypoint`);
  const container = buildahOut(['from', '--pull=never', image]);
  const root = buildahOut(['mount', container]);
  const imageEnv = new Map(
    (config.Env ?? []).map((entry) => {
      const at = entry.indexOf('=');
      return [entry.slice(0, at), pathIntoRoot(root, entry.slice(at + 1))] as const;
    }),
  );
  for (const [key, value] of Object.entries(env)) imageEnv.set(key, value);
  const [command, ...args] = config.Entrypoint;
  const binary = resolveInRoot(root, command!, imageEnv);
  // -L: the guest's absolute paths (its ELF interpreter, /lib, /app, /data) resolve inside the root
  // first; the working directory is the image's, inside the root.
  const child = spawn(qemu, ['-L', root, binary, ...args], {
    cwd: join(root, config.WorkingDir || '/'),
    env: Object.fromEntries(imageEnv),
    stdio: 'inherit',
  });
  return {
    process: child,
    // qemu-user passes SIGTERM on to the emulated process.
    stop: () => stopProcess(child, () => child.kill('SIGTERM')),
    remove: () => {
      buildahOut(['umount', container]);
      buildahOut(['rm', container]);
    },
  };
}
