// Benchmark: bot pairs over real WebSockets against one server process, on loopback.
// `npx nx run server:bench` (env: BENCH_PLAYERS=2000 BENCH_SECONDS=30 BENCH_RAMP_SECONDS=30 BENCH_WORKERS=2
// BENCH_NICE=10 BENCH_LEVEL=9 BENCH_PROFILE=dir). Loopback only; about 75 s.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { spawnServer } from '@tengen/test-kit';
import { LoadGroup } from './load-group.ts';
import { bucketQuantile, histogramBuckets, quantile, summarize } from './report.ts';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const players = env('BENCH_PLAYERS', 2000);
const seconds = env('BENCH_SECONDS', 30);
const rampSeconds = env('BENCH_RAMP_SECONDS', 30);
const workers = Math.max(1, env('BENCH_WORKERS', 2));
const level = env('BENCH_LEVEL', 9);
const nice = env('BENCH_NICE', 10);
// Probe pairs run on this (otherwise idle) thread: their latency is what a player whose own
// machine is not a load generator would see, with the server under the full load.
const probePairs = env('BENCH_PROBE_PAIRS', 10);

/** utime + stime of a process in seconds (Linux /proc). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const dir = mkdtempSync(join(tmpdir(), 'tengen-bench-'));
const server = await spawnServer({
  PORT: '0',
  DB_FILE: join(dir, 'db.sqlite'),
  CLIENT_DIR: dir,
  DRAIN_SECONDS: '1',
  // The load is the point here: lift the per-process connection cap above it.
  MAX_CONNECTIONS: String(players + 100),
  ...(process.env['BENCH_PROFILE']
    ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env['BENCH_PROFILE']}` }
    : {}),
});
const pid = server.proc.pid ?? 0;
process.stdout.write(
  `server pid ${pid} on ${server.url}; opening ${players} players (${players / 2} duo pairs) over ${rampSeconds} s with ${workers} load worker(s)\n`,
);

type Reply = { type: string; [k: string]: unknown };
const pool = Array.from({ length: workers }, (_, i) => {
  const loadPairs = players / 2 - probePairs;
  const pairs = Math.floor(loadPairs / workers) + (i < loadPairs % workers ? 1 : 0);
  const w = new Worker(new URL('./load-worker.ts', import.meta.url), {
    workerData: { url: server.url, pairs, rampMs: rampSeconds * 1000, level, nice },
    execArgv: [
      '--conditions=@tengen/source',
      ...(process.env['BENCH_PROFILE']
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_PROFILE']}`]
        : []),
    ],
  });
  const failed = new Promise<never>((_, reject) =>
    w.once('error', (err) => reject(new Error(`load worker ${i} failed: ${err.message}`))),
  );
  const next = (type: string) =>
    Promise.race([
      failed,
      new Promise<Reply>((resolve) => w.on('message', (m: Reply) => m.type === type && resolve(m))),
    ]);
  return { w, next };
});

const probes = new LoadGroup(server.url, level);
try {
  const [ready] = await Promise.all([
    Promise.all(pool.map((p) => p.next('ready'))),
    probes.open(probePairs, rampSeconds * 1000),
  ]);
  ready.push({ type: 'ready', players: probes.pairs.length * 2, failures: probes.failures });
  const opened = ready.reduce((n, r) => n + Number(r['players']), 0);
  const failed = ready.reduce((n, r) => n + Number(r['failures']), 0);
  process.stdout.write(
    `${opened} players connected (${failed} pair(s) failed to open); measuring for ${seconds} s\n`,
  );

  await Promise.all(pool.map((p) => (p.w.postMessage({ type: 'mark' }), p.next('marked'))));
  probes.mark();
  const scrape = async () => (await fetch(server.metricsUrl)).text();
  const gauge = (text: string, name: string) =>
    Number(new RegExp(`^${name} (\\S+)`, 'm').exec(text)?.[1] ?? NaN) * 1000;
  const gcSeconds = (text: string) =>
    [...text.matchAll(/^nodejs_gc_duration_seconds_sum\{[^}]*\} (\S+)/gm)].reduce(
      (n, m) => n + Number(m[1]),
      0,
    );
  const start = await scrape(); // also resets the event-loop lag window
  const relay0 = histogramBuckets(start, 'tengen_relay_latency_seconds');
  const lag0 = histogramBuckets(start, 'tengen_clock_lag_seconds');
  const cpu0 = cpuSeconds(pid);
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const cpu1 = cpuSeconds(pid);
  const wall = (performance.now() - t0) / 1000;
  const end = await scrape();
  const relay1 = histogramBuckets(end, 'tengen_relay_latency_seconds');
  const lag1 = histogramBuckets(end, 'tengen_clock_lag_seconds');
  // How far honest (real-time) players trail the clock under this load, against the 3 s budget.
  const lagCount = (le: number) => (lag1.get(le) ?? 0) - (lag0.get(le) ?? 0);
  const lagQ = (q: number) => bucketQuantile(lag0, lag1, q).ms.toFixed(0);
  const over = [1, 2, 3].map((le) => `${lagCount(Infinity) - lagCount(le)} over ${le} s`);
  const unranked = (text: string) =>
    new Map(
      [...text.matchAll(/^tengen_unranked_games_total\{reason="(\w+)"\} (\d+)/gm)].map((m) => [
        m[1]!,
        Number(m[2]),
      ]),
    );
  const [unranked0, unranked1] = [unranked(start), unranked(end)];
  const gamesStarted = (text: string) =>
    [...text.matchAll(/^tengen_games_started_total\{[^}]*\} (\d+)/gm)].reduce(
      (n, m) => n + Number(m[1]),
      0,
    );
  process.stdout.write(
    `clock lag of ${lagCount(Infinity)} batches: p50 ${lagQ(0.5)} ms, p99 ${lagQ(0.99)} ms, ` +
      `p99.9 ${lagQ(0.999)} ms; ${over.join(', ')}; games unranked while measured / before ` +
      `(of ${gamesStarted(end)} started): ` +
      `${[...unranked1].map(([r, n]) => `${r} ${n - (unranked0.get(r) ?? 0)} / ${unranked0.get(r) ?? 0}`).join(', ') || 'none'}\n`,
  );
  const relay = {
    p50: bucketQuantile(relay0, relay1, 0.5).ms,
    p99: bucketQuantile(relay0, relay1, 0.99).ms,
    count: bucketQuantile(relay0, relay1, 0.5).count,
  };
  const loopLag = {
    p99: gauge(end, 'nodejs_eventloop_lag_p99_seconds'),
    max: gauge(end, 'nodejs_eventloop_lag_max_seconds'),
    gcShare: (gcSeconds(end) - gcSeconds(start)) / wall,
  };
  const probe = probes.report();
  const reports = await Promise.all(
    pool.map((p) => (p.w.postMessage({ type: 'report' }), p.next('report'))),
  );
  const probeLat = [...probe.latencies].sort((a, b) => a - b);
  const loadUnranked = reports.reduce((n, r) => n + Number(r['unranked']), 0);
  const loadPlayers = reports.reduce((n, r) => n + Number(r['players']), 0);
  process.stdout.write(
    `unranked now: probe players ${String(probe.unranked)} of ${probe.players}, ` +
      `load-generator players ${loadUnranked} of ${loadPlayers}\n`,
  );
  const probeLine = {
    p50: quantile(probeLat, 0.5),
    p99: quantile(probeLat, 0.99),
    count: probeLat.length,
    players: probe.players,
  };
  process.stdout.write(
    summarize([...reports, probe], {
      serverCpu: (cpu1 - cpu0) / wall,
      wallSeconds: wall,
      relay,
      loopLag,
      probe: probeLine,
    }),
  );
  await probes.close();
} finally {
  for (const p of pool) void p.w.terminate();
  server.proc.kill('SIGTERM');
  await Promise.race([server.exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (server.proc.exitCode === null) server.proc.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
