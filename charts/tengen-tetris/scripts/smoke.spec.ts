import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnServer, type SpawnedServer } from '@tengen/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureHelm } from './helm-binary.ts';
import {
  historyCommand,
  parseHistory,
  rollbackCommand,
  rollbackTarget,
  type ReleaseTarget,
} from './rollback-plan.ts';
import { parsePublicUrl } from './smoke-check.ts';

const script = join(import.meta.dirname, 'smoke.ts');
const dir = mkdtempSync(join(tmpdir(), 'tengen-smoke-'));
const outputsFile = join(dir, 'outputs.json');
const kubeconfig = join(dir, 'kubeconfig');
let server: SpawnedServer;
let deadPort: number;

/** Runs the smoke script as the workflow does; resolves with its exit code and output. */
function smoke(
  url: string,
  ...extra: string[]
): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(
    process.execPath,
    [
      script,
      '--stage=production',
      `--url=${url}`,
      `--outputs=${outputsFile}`,
      `--kubeconfig=${kubeconfig}`,
      ...extra,
    ],
    { env: { ...process.env } },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out, err })));
}

beforeAll(async () => {
  const port = await freePort();
  deadPort = await freePort();
  server = await spawnServer(
    {
      PORT: String(port),
      PUBLIC_ADDRESS: `127.0.0.1:${port}`,
      DB_FILE: join(dir, 'scores.sqlite'),
      OUTBOX_DIR: join(dir, 'outbox'),
    },
    [],
    45_000,
  );
  writeFileSync(
    outputsFile,
    JSON.stringify({
      'TengenTetris-production': {
        ClusterName: 'tengen-production',
        Region: 'us-east-1',
        Namespace: 'tengen',
        ReleaseName: 'tengen-tetris',
        ChartValues: '{}',
      },
    }),
  );
  // A kubeconfig whose API server is a closed loopback port: helm runs for real, no cluster answers.
  writeFileSync(
    kubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      `clusters: [{ name: c, cluster: { server: "https://127.0.0.1:${deadPort}", insecure-skip-tls-verify: true } }]`,
      'users: [{ name: u, user: { token: t } }]',
      'contexts: [{ name: x, context: { cluster: c, user: u, namespace: tengen } }]',
      'current-context: x',
      '',
    ].join('\n'),
  );
}, 60_000);

afterAll(async () => {
  server?.proc.kill('SIGTERM');
  await server?.exited;
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

describe('production smoke test', () => {
  it('passes through the URL of a real server: health, readiness and a bot game, leaving the board alone', async () => {
    const result = await smoke(server.url, '--wait-seconds=30');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(
      /smoke: ok http:\/\/127\.0\.0\.1:\d+: \/healthz and \/readyz 200, bot game re-simulated \(score \d+, lines \d+, frames \d+\)/,
    );
    const board = (await (await fetch(`${server.url}/api/scores?mode=solo`)).json()) as {
      scores: unknown[];
    };
    expect(board.scores).toEqual([]);
  });

  it('fails when the pods never get ready, and rolls the release back with the real helm', async () => {
    // A deploy whose pods answer /healthz but never /readyz (as behind the load balancer).
    const notReady: Server = createServer((req, res) => {
      res.statusCode = req.url === '/healthz' ? 200 : 503;
      res.end();
    });
    const port = await freePort();
    await new Promise<void>((r) => notReady.listen(port, '127.0.0.1', r));
    try {
      const result = await smoke(`http://127.0.0.1:${port}`, '--wait-seconds=2');
      expect(result.code).toBe(1);
      expect(result.err).toContain(
        `FAILED on http://127.0.0.1:${port}: http://127.0.0.1:${port}/readyz did not answer 200 (last: HTTP 503)`,
      );
      // No cluster answers, so the history is unknown: helm goes back to the previous revision.
      expect(result.err).toMatch(/helm history failed/);
      expect(result.err).toContain(
        `rollback tengen-tetris --namespace tengen --wait=watcher --timeout 10m --kubeconfig ${kubeconfig}`,
      );
      // helm accepted the command and failed only on reaching the cluster.
      expect(result.err).toMatch(
        new RegExp(`127\\.0\\.0\\.1:${deadPort}.*connection refused|cluster unreachable`),
      );
      expect(result.err).not.toMatch(/unknown flag|accepts .* arg/);
      expect(result.err).toContain('rollback FAILED');
    } finally {
      notReady.close();
    }
  });

  it('fails when nothing answers, and refuses a malformed URL without touching the release', async () => {
    const down = await smoke(`http://127.0.0.1:${deadPort}`, '--wait-seconds=1');
    expect(down.code).toBe(1);
    expect(down.err).toMatch(/\/healthz did not answer 200/);
    const bad = await smoke('ftp://example.org/x');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/must be http\(s\):\/\/host\[:port\] with no path/);
    expect(bad.err).not.toContain('rolling back');
    expect(() => parsePublicUrl('https://play.example.org/game')).toThrow(/no path/);
    expect(parsePublicUrl('https://play.example.org')).toBe('https://play.example.org');
  });
});

describe('rollback plan', () => {
  const target: ReleaseTarget = {
    helm: ensureHelm(),
    release: 'tengen-tetris',
    namespace: 'tengen',
    kubeconfig,
  };
  const rows = (...statuses: string[]) =>
    statuses.map((status, i) => ({
      revision: i + 1,
      status,
      updated: '',
      chart: 'c',
      app_version: '1',
    }));

  it('goes back to the newest revision before the deployed one that ran', () => {
    const parse = (...s: string[]) => parseHistory(JSON.stringify(rows(...s)));
    expect(rollbackTarget(parse('superseded', 'superseded', 'deployed'))).toBe(2);
    expect(rollbackTarget(parse('superseded', 'failed', 'deployed'))).toBe(1);
    expect(rollbackTarget(parse('superseded', 'deployed', 'pending-upgrade'))).toBe(1);
    expect(rollbackTarget(parse('deployed'))).toBeUndefined();
    expect(rollbackTarget(parse('failed'))).toBeUndefined();
    expect(() => parseHistory('{"revision":1}')).toThrow(/not return a list/);
    expect(() => parseHistory('[{"revision":"1","status":"deployed"}]')).toThrow(/unexpected/);
  });

  it('assembles commands the real helm accepts (it fails only on the missing cluster)', () => {
    const command = rollbackCommand(target, 4);
    expect(command.slice(1, 4)).toEqual(['rollback', 'tengen-tetris', '4']);
    expect(() => rollbackCommand(target, 0)).toThrow(/not a helm revision/);
    for (const argv of [command, historyCommand(target)]) {
      const [file, ...args] = argv;
      const result = spawnSync(file!, args, { encoding: 'utf8' });
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(/connection refused|cluster unreachable/);
      expect(result.stderr).not.toMatch(/unknown flag|accepts .* arg|invalid argument/);
    }
  });
});
