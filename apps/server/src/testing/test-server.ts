import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadConfig, type Config } from '../config.ts';
import { createLogger } from '../logger.ts';
import { startServer, type RunningServer } from '../server.ts';

/** An in-process server on a free loopback port with its own SQLite file, for tests. */
export interface TestServer {
  running: RunningServer;
  config: Config;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `http://127.0.0.1:<metrics port>/metrics` */
  metricsUrl: string;
  dir: string;
  stop(): Promise<void>;
}

/**
 * Starts the real server (real SQLite file in a temp dir, real WebSocket transport). `clientFiles`
 * (path -> content) are written into the client folder first.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  clientFiles: Record<string, string | Uint8Array> = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'tengen-server-'));
  for (const [path, content] of Object.entries(clientFiles)) {
    mkdirSync(dirname(join(dir, 'client', path)), { recursive: true });
    writeFileSync(join(dir, 'client', path), content);
  }
  const config = loadConfig(
    {
      HOST: '127.0.0.1',
      PORT: '0',
      DB_FILE: join(dir, 'db.sqlite'),
      CLIENT_DIR: join(dir, 'client'),
      DRAIN_SECONDS: '2',
      METRICS_PORT: '0',
      // Each TestPlayer sends its own X-Forwarded-For: the per-address limits apply per player.
      TRUSTED_PROXY_HOPS: '1',
      ...env,
    },
    dir,
  );
  const running = await startServer(
    config,
    createLogger(process.env['TEST_LOG_LEVEL'] ?? 'silent'),
  );
  return {
    running,
    config,
    url: `http://127.0.0.1:${running.port}`,
    metricsUrl: `http://127.0.0.1:${running.metricsPort}/metrics`,
    dir,
    async stop() {
      await running.shutdown();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
