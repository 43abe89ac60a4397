import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port.ts';

const run = promisify(execFile);

/** A throwaway redis-server on a free loopback port (no persistence). */
export interface TestRedis {
  port: number;
  url: string;
  /** Runs a redis-cli command against it and returns stdout. */
  cli(...args: string[]): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts `redis-server` (installed from apt) daemonised in a temp dir, on `port` (a restart on the
 * same port) or a free one.
 */
export async function startRedis(port?: number): Promise<TestRedis> {
  port ??= await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'tengen-redis-'));
  await run('redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    dir,
    '--daemonize',
    'yes',
    '--pidfile',
    join(dir, 'redis.pid'),
  ]);
  const cli = async (...args: string[]) =>
    (await run('redis-cli', ['-p', String(port), ...args])).stdout;
  for (let i = 0; i < 50 && (await cli('ping').catch(() => '')).trim() !== 'PONG'; i++)
    await new Promise((r) => setTimeout(r, 100));
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    cli,
    async stop() {
      await cli('shutdown', 'nosave').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
