import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer, type SpawnedServer } from './spawn-server.ts';

/** A server process with a data folder of its own (a fresh SQLite file, an empty client folder). */
export interface ServerProcess extends SpawnedServer {
  /** The temporary folder of its database and client files. */
  readonly dir: string;
  /** Sends SIGTERM (a real drain) without waiting. */
  terminate(): void;
  /** SIGTERM (SIGKILL after 10 s), waits for the exit, removes the folder. */
  stop(): Promise<void>;
}

/**
 * Starts the server's entry point (`spawnServer`) on a free port with a fresh database in a
 * temporary folder and no drain wait (`DRAIN_SECONDS=0`); `env` adds to or overrides that. The
 * folder is removed by `stop`, or at once when the start fails.
 */
export async function startServerProcess(
  env: Record<string, string> = {},
  timeoutMs = 30_000,
): Promise<ServerProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'tengen-server-'));
  mkdirSync(join(dir, 'client'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  const spawned = await spawnServer(
    {
      PORT: '0',
      DB_FILE: join(dir, 'db.sqlite'),
      CLIENT_DIR: join(dir, 'client'),
      DRAIN_SECONDS: '0',
      ...env,
    },
    [],
    timeoutMs,
  ).catch((error: unknown) => {
    cleanup();
    throw error;
  });
  let running = true;
  void spawned.exited.then(() => (running = false));
  return {
    ...spawned,
    dir,
    terminate: () => void spawned.proc.kill('SIGTERM'),
    async stop() {
      if (running) spawned.proc.kill('SIGTERM');
      const killer = setTimeout(() => spawned.proc.kill('SIGKILL'), 10_000);
      await spawned.exited;
      clearTimeout(killer);
      cleanup();
    },
  };
}
