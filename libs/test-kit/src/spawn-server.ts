import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import * as z from 'zod';

/**
 * The workspace root: `NX_WORKSPACE_ROOT` when Nx runs the task, else the nearest folder above
 * `cwd` that holds `nx.json` (a test run straight through `npx vitest` or `npx playwright`).
 */
export function workspaceRoot(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const fromNx = env['NX_WORKSPACE_ROOT'];
  if (fromNx) return fromNx;
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    if (dirname(dir) === dir)
      throw new Error(`no nx.json in ${cwd} or above: not inside the workspace`);
  }
}

/** `TENGEN_SERVER_MAIN` from the workspace's `.env` file, when it has one. */
function fromDotEnv(root: string): string | undefined {
  const file = join(root, '.env');
  return existsSync(file) ? parseEnv(readFileSync(file, 'utf8'))['TENGEN_SERVER_MAIN'] : undefined;
}

/**
 * The server's entry point, started as a process (apps are run, never imported). The test kit does
 * not know where the server lives: the workspace names it once, as `TENGEN_SERVER_MAIN` in the root
 * `.env` (Nx loads it into every target; outside Nx this reads the file). The environment wins
 * over the file; a relative path is taken from the workspace root.
 */
export function serverMain(
  env: NodeJS.ProcessEnv = process.env,
  root: string = workspaceRoot(env),
): string {
  const parsed = z
    .string({ error: 'is not set' })
    .min(1, { error: 'is empty' })
    .transform((p) => resolve(root, p))
    .refine(existsSync, { error: 'names no file' })
    .safeParse(env['TENGEN_SERVER_MAIN'] ?? fromDotEnv(root));
  if (!parsed.success) {
    throw new Error(
      `TENGEN_SERVER_MAIN ${parsed.error.issues[0]?.message ?? 'is invalid'}: it must name the server's entry point (apps/server/src/main.ts), in the environment or in ${join(root, '.env')}`,
    );
  }
  return parsed.data;
}

/** A server running as its own Node process (`node main.ts`), as in production. */
export interface SpawnedServer {
  proc: ChildProcess;
  port: number;
  url: string;
  /** `http://127.0.0.1:<metrics port>/metrics` (the server's own Prometheus listener). */
  metricsUrl: string;
  /** Parsed JSON log lines so far. */
  logs: Record<string, unknown>[];
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `main.ts` with exactly `env` (plus PATH, a free `METRICS_PORT`, and
 * `TRUSTED_PROXY_HOPS=1` so that test players, each with its own `X-Forwarded-For`, are limited
 * one by one) and waits for its "server listening" log line. */
export function spawnServer(
  env: Record<string, string>,
  args: string[] = [],
  timeoutMs = 20_000,
): Promise<SpawnedServer> {
  const proc = spawn(process.execPath, ['--conditions=@tengen/source', serverMain(), ...args], {
    env: {
      PATH: process.env['PATH'] ?? '',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      METRICS_PORT: '0',
      TRUSTED_PROXY_HOPS: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`server did not start in ${timeoutMs} ms: ${stderr}`));
    }, timeoutMs);
    let buffer = '';
    proc.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        try {
          const entry = JSON.parse(line) as Record<string, unknown>;
          logs.push(entry);
          if (entry['msg'] === 'server listening') {
            clearTimeout(timer);
            const port = Number(entry['port']);
            const metricsUrl = `http://127.0.0.1:${Number(entry['metricsPort'])}/metrics`;
            resolve({ proc, port, url: `http://127.0.0.1:${port}`, metricsUrl, logs, exited });
          }
        } catch {
          logs.push({ raw: line });
        }
      }
    });
    proc.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening: ${stderr}`));
    });
  });
}
