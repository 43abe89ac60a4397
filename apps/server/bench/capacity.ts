// Capacity per core: the server process pinned to core 0 (`taskset`), the load generator (worker
// processes of lean test players) and the probe players pinned to core 1. Ramps duo players in steps
// until the probe players' p99 latency passes BENCH_P99_MS, printing a row per step, then players per
// server core, memory per player and bytes per player-minute. Loopback only.
// `npx nx run server:bench` (env: BENCH_STEP=500 BENCH_MAX_PLAYERS=8000 BENCH_SECONDS=15
// BENCH_SETTLE_SECONDS=5 BENCH_RAMP_SECONDS=10 BENCH_WORKERS=2 BENCH_PROBE_PAIRS=5 BENCH_LEVEL=9
// BENCH_P99_MS=50 BENCH_NICE=10 BENCH_SERVER_CORE=0 BENCH_LOAD_CORE=1 BENCH_KEEP_GOING=1
// BENCH_PROFILE=dir, which profiles the server and the generator, BENCH_SERVER_NODE_OPTIONS,
// BENCH_GAUGE_SECONDS=5: the machine gauge of `socket-costs.ts`, before and after the ramp).
// The ramp stops after two steps in a row over the limit, or once the load generator fell behind
// (its ticks late, or its core used up: then the rows measure the generator, not the server).
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnServer } from '@tengen/test-kit';
import { ProbePairs } from './probe-pairs.ts';
import {
  capacityVerdict,
  formatStep,
  generatorKeptUp,
  quantile,
  type StepFigures,
} from './capacity-report.ts';
import { longGcPauses, longLoggedGcs } from './gc-pauses.ts';
import { pinProcess } from './pin.ts';
import { formatSocketCosts, measureSocketCosts } from './socket-costs.ts';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const step = Math.max(2, Math.floor(env('BENCH_STEP', 500) / 2) * 2);
// The first step's players (default: one step), to start a ramp near the figure of interest.
const firstStep = Math.max(2, Math.floor(env('BENCH_FIRST_STEP', step) / 2) * 2);
// How often each load worker plays up to the clock and sends the batches that came due.
const tickMs = env('BENCH_TICK_MS', 16);
const maxPlayers = env('BENCH_MAX_PLAYERS', 8000);
const seconds = env('BENCH_SECONDS', 15);
const settleSeconds = env('BENCH_SETTLE_SECONDS', 5);
const rampSeconds = env('BENCH_RAMP_SECONDS', 10);
const workers = Math.max(1, env('BENCH_WORKERS', 2));
const probePairs = env('BENCH_PROBE_PAIRS', 5);
const level = env('BENCH_LEVEL', 9);
const limitMs = env('BENCH_P99_MS', 50);
const nice = env('BENCH_NICE', 10);
const serverCore = env('BENCH_SERVER_CORE', 0);
const loadCore = env('BENCH_LOAD_CORE', 1);
// Ramp to BENCH_MAX_PLAYERS whatever the latency (to see the whole curve, or to profile).
const keepGoing = process.env['BENCH_KEEP_GOING'] === '1';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** utime + stime of a process in seconds (Linux /proc). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
/** Resident memory of a process in MB (Linux /proc). */
function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
}

// The machine's own speed, which no change to the server moves: a patch-sized write and its read
// between the two cores, before the ramp and after it (`socket-costs.ts`; BENCH_GAUGE_SECONDS=0 skips).
const gaugeSeconds = env('BENCH_GAUGE_SECONDS', 5);
const gauge = async (when: string) => {
  if (!(gaugeSeconds > 0)) return;
  const costs = await measureSocketCosts({
    writerCore: serverCore,
    readerCore: loadCore,
    seconds: gaugeSeconds,
    rate: 16_000,
    sockets: 2_000,
    bytes: 40,
  });
  process.stdout.write(`machine ${when}: ${formatSocketCosts(costs)}\n`);
};
await gauge('before');

const dir = mkdtempSync(join(tmpdir(), 'tengen-capacity-'));
const server = await spawnServer({
  PORT: '0',
  DB_FILE: join(dir, 'db.sqlite'),
  CLIENT_DIR: dir,
  DRAIN_SECONDS: '1',
  // The load is the point here: lift the per-process connection cap above it.
  MAX_CONNECTIONS: String(maxPlayers + 2 * probePairs + 100),
  // The server's Node options: its long GC pauses logged (`gc-log.ts`), BENCH_SERVER_NODE_OPTIONS
  // (e.g. a GC setting to compare), and the CPU profile with BENCH_PROFILE.
  NODE_OPTIONS: [
    `--import=${fileURLToPath(new URL('./gc-log.ts', import.meta.url))}`,
    process.env['BENCH_SERVER_NODE_OPTIONS'] ?? '',
    process.env['BENCH_PROFILE'] ? `--cpu-prof --cpu-prof-dir=${process.env['BENCH_PROFILE']}` : '',
  ].join(' '),
});
const pid = server.proc.pid ?? 0;
pinProcess(pid, serverCore);
pinProcess(process.pid, loadCore);

type Reply = { type: string; [k: string]: unknown };
const pool = Array.from({ length: workers }, () => {
  const child = fork(new URL('./load-worker.ts', import.meta.url), {
    execArgv: [
      '--conditions=@tengen/source',
      ...(process.env['BENCH_PROFILE']
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_PROFILE']}/generator`]
        : []),
    ],
    env: { ...process.env, BENCH_JOB: JSON.stringify({ url: server.url, level, nice, tickMs }) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  pinProcess(child.pid ?? 0, loadCore);
  const next = (type: string) =>
    new Promise<Reply>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`load worker exited (${code})`));
      const onMessage = (m: Reply) => {
        if (m.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(m);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  return { child, ready: next('ready'), next };
});
const ask = async (m: object, answer: string) =>
  Promise.all(pool.map((p) => (p.child.send(m), p.next(answer))));

process.stdout.write(
  `server pid ${pid} on core ${serverCore}; load generator (${workers} processes, nice ${nice}) ` +
    `and ${probePairs} probe pairs on core ${loadCore}; steps of ${step} players up to ${maxPlayers}; ` +
    `${seconds} s measured per step; p99 limit ${limitMs} ms\n` +
    `load average before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (the machine is shared)\n\n`,
);

// Killed mid-ramp (Ctrl-C, a timeout): take the server and the generator down too.
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    for (const p of pool) p.child.kill('SIGKILL');
    server.proc.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    process.exit(130);
  });

// The probe players run in this process: its own event-loop delay and GC pauses are in their figures.
const probeLoop = monitorEventLoopDelay({ resolution: 10 });
probeLoop.enable();
let probeGcMaxMs = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) probeGcMaxMs = Math.max(probeGcMaxMs, e.duration);
}).observe({ entryTypes: ['gc'] });

const probes = new ProbePairs();
const rows: StepFigures[] = [];
try {
  await Promise.all(pool.map((p) => p.ready));
  await sleep(2000);
  const baseRss = rssMb(pid);
  await probes.open(server.url, probePairs, level);
  let players = 0;
  // Players asked for so far: the ramp's position. A pair that failed to open is not asked for
  // again: counting the players who were there kept a ramp whose pairs failed to open (a server
  // past its limits) at 4,486 of 4,500 players, asking for 14 more a step, until it was killed.
  let asked = 0;
  for (;;) {
    const add = Math.min(asked === 0 ? firstStep : step, maxPlayers - asked);
    if (add <= 0) break;
    const pairs = add / 2;
    asked += add;
    await Promise.all(
      pool.map((p, i) => {
        const mine = Math.floor(pairs / workers) + (i < pairs % workers ? 1 : 0);
        p.child.send({ type: 'open', pairs: mine, rampMs: rampSeconds * 1000 });
        return p.next('opened');
      }),
    );
    await sleep(settleSeconds * 1000);
    await ask({ type: 'mark' }, 'marked');
    probes.take();
    probeLoop.reset();
    probeGcMaxMs = 0;
    const benchCpu0 = process.cpuUsage();
    const scrape = async () => (await fetch(server.metricsUrl)).text();
    const batches = (text: string) =>
      Number(/^tengen_relay_latency_seconds_count (\S+)/m.exec(text)?.[1] ?? NaN);
    const metrics0 = await scrape(); // also resets the event-loop lag window
    const batches0 = batches(metrics0);
    const cpu0 = cpuSeconds(pid);
    const t0 = performance.now();
    await sleep(seconds * 1000);
    const cpu1 = cpuSeconds(pid);
    const wall = (performance.now() - t0) / 1000;
    const benchCpu = process.cpuUsage(benchCpu0);
    const metrics = await scrape();
    const reports = await ask({ type: 'report' }, 'report');
    const total = (k: string) => reports.reduce((n, r) => n + Number(r[k] ?? 0), 0);
    const samples = probes.take().sort((a, b) => a - b);
    players = total('players');
    const lag = Number(/^nodejs_eventloop_lag_p99_seconds (\S+)/m.exec(metrics)?.[1]) * 1000;
    const row: StepFigures = {
      players: players + 2 * probePairs,
      connected: total('connected') + 2 * probePairs,
      failures: total('failures') + probes.failures,
      p50: quantile(samples, 0.5),
      p99: quantile(samples, 0.99),
      samples: samples.length,
      serverCpu: (cpu1 - cpu0) / wall,
      batchesPerSecond: (batches(metrics) - batches0) / wall,
      loopLagP99: lag,
      rssMb: rssMb(pid),
      baseRssMb: baseRss,
      bytesPerPlayerMinute: (total('bytesIn') + total('bytesOut')) / total('minutes'),
      errors: total('errors'),
      unranked: total('unranked'),
      load1: loadavg()[0]!,
      heapUsedMb: Number(/^nodejs_heap_size_used_bytes (\S+)/m.exec(metrics)?.[1]) / 2 ** 20,
      serverLongGcs: longGcPauses(metrics) - longGcPauses(metrics0),
      // The workers' CPU over their window, plus this process's (the probes, the scraping).
      generatorCpu:
        (total('cpuSeconds') / total('seconds')) * workers +
        (benchCpu.user + benchCpu.system) / 1e6 / wall,
      generatorLateP99: Math.max(...reports.map((r) => Number(r['tickLateP99Ms']))),
      generatorBatchesPerSecond: (total('batches') / total('seconds')) * workers,
      probeLoopP99: probeLoop.percentile(99) / 1e6,
      probeGcMaxMs,
    };
    rows.push(row);
    process.stdout.write(formatStep(row, rows.length === 1));
    // The server's long GC pauses, by kind (`gc-log.ts`).
    const gcs = longLoggedGcs(server.logs, 50);
    if (gcs.length > 0)
      process.stdout.write(`        server GC pauses over 50 ms: ${gcs.join(', ')}\n`);
    // The server's log lines pile up in this process (the probes' one): keep only this step's.
    server.logs.length = 0;
    const codes = new Map<string, number>();
    for (const r of reports)
      for (const [code, n] of Object.entries(r['refusals'] as Record<string, number>))
        codes.set(code, (codes.get(code) ?? 0) + n);
    if (codes.size > 0)
      process.stdout.write(
        `        refusals: ${[...codes].map(([c, n]) => `${c} ${n}`).join(', ')}; ` +
          `pairs replaced after a lost batch: ${total('replaced')}\n`,
      );
    // One noisy step (the machine is shared) does not end the ramp; two in a row over the limit do.
    const over = rows.slice(-2).filter((r) => !(r.p99 <= limitMs)).length;
    if (asked >= maxPlayers || (!keepGoing && (over === 2 || !generatorKeptUp(row)))) break;
  }
  process.stdout.write(capacityVerdict(rows, limitMs));
} finally {
  await probes.close();
  // A worker asked to close exits normally (and writes its profile, with BENCH_PROFILE).
  await Promise.all(
    pool.map(
      (p) =>
        new Promise<void>((resolve) => {
          if (p.child.exitCode !== null) return resolve();
          p.child.once('exit', () => resolve());
          if (p.child.connected) p.child.send({ type: 'close' }, () => undefined);
          else p.child.kill('SIGTERM');
          setTimeout(() => (p.child.kill('SIGKILL'), resolve()), 10_000);
        }),
    ),
  );
  server.proc.kill('SIGTERM');
  await Promise.race([server.exited, sleep(15_000)]);
  if (server.proc.exitCode === null) server.proc.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
}
await gauge('after');
process.exit(0);
