/**
 * Runs a built image as a process on this machine, so a smoke test can talk to it on loopback:
 * `docker run` where a daemon exists, else `buildah run` with chroot isolation (host network).
 * The image's own entrypoint, environment, user and working directory are used.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { platformOf, type Arch } from './platforms.ts';
import { buildahFlags, buildahOut, capture } from './tools.ts';

/** A running container and how to stop it. */
export interface RunningContainer {
  process: ChildProcess;
  /** Sends SIGTERM and resolves with the exit code once it has stopped. */
  stop(): Promise<number | null>;
  /** Removes what the run created. */
  remove(): void;
}

/**
 * Starts `image` with `env` added to its environment. `arch` (docker only) runs another
 * architecture's image where the daemon's machine has binfmt handlers for it.
 */
export function runContainer(
  image: string,
  env: Record<string, string>,
  builder: 'docker' | 'buildah',
  arch?: Arch,
): RunningContainer {
  const envFlags = Object.entries(env).flatMap(([k, v]) => ['--env', `${k}=${v}`]);
  if (builder === 'docker') {
    const name = `tengen-smoke-${process.pid}`;
    const child = spawn(
      'docker',
      [
        'run',
        '--rm',
        '--name',
        name,
        '--network',
        'host',
        '--read-only',
        '--tmpfs',
        '/tmp',
        '--tmpfs',
        '/data:uid=10001,gid=10001',
        ...(arch ? ['--platform', platformOf(arch)] : []),
        ...envFlags,
        image,
      ],
      { stdio: 'inherit' },
    );
    return {
      process: child,
      stop: () => stopProcess(child, () => capture('docker', ['kill', '--signal', 'TERM', name])),
      remove: () => undefined,
    };
  }
  const config = JSON.parse(buildahOut(['inspect', '--type', 'image', image])) as {
    OCIv1: { config: { Entrypoint?: string[] } };
  };
  const entrypoint = config.OCIv1.config.Entrypoint;
  if (!entrypoint?.length) throw new Error(`${image} has no entrypoint`);
  const container = buildahOut(['from', '--pull=never', image]);
  const marker = `TENGEN_SMOKE_RUN=${process.pid}-${Date.now()}`;
  const child = spawn(
    'buildah',
    [
      ...buildahFlags,
      'run',
      '--isolation',
      'chroot',
      ...envFlags,
      '--env',
      marker,
      container,
      '--',
      ...entrypoint,
    ],
    { stdio: 'inherit' },
  );
  return {
    process: child,
    stop: () => stopProcess(child, () => signalByMarker(marker)),
    remove: () => {
      buildahOut(['rm', container]);
    },
  };
}

/**
 * buildah run neither forwards signals nor keeps the container's process as its descendant
 * (buildah-chroot-exec is re-parented), so the process is found by the marker in its environment.
 */
function signalByMarker(marker: string): void {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let environ: string;
    let cmdline: string;
    try {
      environ = readFileSync(`/proc/${entry}/environ`, 'latin1');
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'latin1');
    } catch {
      continue; // gone, or not ours to read
    }
    const exe = cmdline.split('\0')[0] ?? '';
    if (environ.split('\0').includes(marker) && exe.endsWith('/node')) {
      process.kill(Number(entry), 'SIGTERM');
      return;
    }
  }
  throw new Error("could not find the container's node process");
}

/** How long a stopped container may take to drain and exit before the stop counts as failed. */
const STOP_TIMEOUT_MS = 60_000;

/** Signals a run to stop and waits for its exit code (rejects after STOP_TIMEOUT_MS). */
export function stopProcess(child: ChildProcess, signal: () => void): Promise<number | null> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    const timer = setTimeout(
      () => reject(new Error(`no exit ${STOP_TIMEOUT_MS / 1000} s after SIGTERM`)),
      STOP_TIMEOUT_MS,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    signal();
  });
}
