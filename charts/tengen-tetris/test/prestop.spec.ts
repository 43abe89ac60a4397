// The pods' preStop hook, run for real: the command the chart renders is executed with node against
// a real server process listening on the rendered metrics port, as the kubelet runs it in the pod.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { freePort, spawnServer, type SpawnedServer } from '@tengen/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from './render.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'chart-prestop-'));
let server: SpawnedServer;
let metricsPort: number;

beforeAll(async () => {
  metricsPort = await freePort();
  server = await spawnServer({
    PORT: '0',
    METRICS_PORT: String(metricsPort),
    DB_FILE: join(dir, 'scores.db'),
    CLIENT_DIR: dir,
  });
});
afterAll(() => {
  server?.proc.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('preStop hook', () => {
  it('takes the pod out of matchmaking and readiness at once, then waits the preStop seconds', async () => {
    const objects = render({
      set: { 'server.metricsPort': metricsPort, 'lifecycle.preStopSleepSeconds': 2 },
    });
    const workload = objects.find(
      (o) =>
        o.kind === 'Deployment' && o.metadata.labels?.['app.kubernetes.io/component'] === 'server',
    ) as IDeployment | undefined;
    const pod = workload?.spec?.template.spec;
    const container = pod?.containers.find((c) => c.name === 'server');
    const [command, ...args] = container?.lifecycle?.preStop?.exec?.command ?? [];
    expect(command).toBe('node');
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);

    const started = performance.now();
    await run(process.execPath, args, { timeout: 30_000 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(2_000);
    // Readiness is off (the ALB stops sending new players), and the process serves on: running
    // games and the site continue until SIGTERM drains them.
    expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(server.proc.exitCode).toBe(null);
  });
});
