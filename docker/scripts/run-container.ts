/**
 * Runs a built image as a process on this machine, so a smoke test can talk to it on loopback:
 * `docker run` where a daemon exists, else `buildah run` with chroot isolation (host network).
 * The image's own entrypoint, environment, user and working directory are used.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { buildahFlags, buildahOut, capture } from './tools.ts';

/** A running container and how to stop it. */
export interface RunningContainer {
  process: ChildProcess;
  /** Sends SIGTERM and resolves with the exit code once it has stopped. */
  stop(): Promise<number | null>;
  /** Removes what the run created. */
  remove(): void;
}

/** Starts `image` with `env` added to its environment. */
export function runContainer(
  image: string,
  env: Record<string, string>,
  builder: 'docker' | 'buildah',
): RunningContainer {
  const envFlags = Object.entries(env).flatMap(([k, v]) => ['--env', `${k}=${v}`]);
  if (builder === 'docker') {
    const name = `tengen-smoke-${process.pid}`;
    const child = spawn(
      'docker',
      ['run', '--rm', '--name', name, '--network', 'host', '--read-only', '--tmpfs', '/tmp', '--tmpfs', '/data:uid=10001,gid=10001', ...envFlags, image],
      { stdio: 'inherit' },
    );
    return {
      process: child,
      stop: () => stopProcess(child, () => capture('docker', ['kill', '--signal', 'TERM', name])),
      remove: () => undefined,
    };
  }
  const container = buildahOut(['from', '--pull=never', image]);
  const entrypoint = JSON.parse(
    buildahOut(['inspect', '--format', '{{json .OCIv1.Config.Entrypoint}}', container]),
  ) as string[];
  const child = spawn(
    'buildah',
    [...buildahFlags, 'run', '--isolation', 'chroot', ...envFlags, container, '--', ...entrypoint],
    { stdio: 'inherit' },
  );
  return {
    process: child,
    stop: () => stopProcess(child, () => signalInside(child)),
    remove: () => {
      buildahOut(['rm', container]);
    },
  };
}

/** buildah run does not forward signals: find the entrypoint's `node` below it and signal that. */
function signalInside(child: ChildProcess): void {
  const pids = capture('sh', ['-c', `pgrep -P ${child.pid} || true`]).split('\n').filter(Boolean);
  const descendants = pids.flatMap((pid) => [pid, ...capture('sh', ['-c', `pgrep -P ${pid} || true`]).split('\n').filter(Boolean)]);
  const node = descendants.find((pid) => capture('sh', ['-c', `cat /proc/${pid}/comm 2>/dev/null || true`]) === 'node');
  if (!node) throw new Error('could not find the container\'s node process');
  process.kill(Number(node), 'SIGTERM');
}

function stopProcess(child: ChildProcess, signal: () => void): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
    signal();
  });
}
