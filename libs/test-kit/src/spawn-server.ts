import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import * as z from 'zod';

/**
 * The server's entry point, started as a process (apps are run, never imported): the test kit does
 * not know where the server lives; the target that runs a server names it in `TENGEN_SERVER_MAIN`
 * (the server's and the client's vitest configs, the e2e Playwright config, the bench targets).
 */
export function serverMain(env: NodeJS.ProcessEnv = process.env): string {
  const parsed = z
    .string({ error: 'is not set' })
    .min(1, { error: 'is empty' })
    .transform((p) => resolve(p))
    .refine(existsSync, { error: 'names no file' })
    .safeParse(env['TENGEN_SERVER_MAIN']);
  if (!parsed.success) {
    throw new Error(
      `TENGEN_SERVER_MAIN ${parsed.error.issues[0]?.message ?? 'is invalid'}: it must name the server's entry point (apps/server/src/main.ts); run tests and benches through their Nx targets, which set it`,
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
