/** The value at quantile `q` of sorted `xs`. */
export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  return xs[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
}

/** What one step of the capacity ramp measured. */
export interface StepFigures {
  /** Players connected at this step (load + probes) and how many of them are still open. */
  players: number;
  connected: number;
  /** Pairs that failed to open so far. */
  failures: number;
  /** Probe latency (ms): batch sent -> the opponent's client decoded it. */
  p50: number;
  p99: number;
  samples: number;
  /** Server CPU in cores (1 = the whole pinned core). */
  serverCpu: number;
  /** Input batches the server took in per second (`tengen_relay_latency_seconds_count`). */
  batchesPerSecond: number;
  loopLagP99: number;
  rssMb: number;
  /** The server's RSS before any player connected. */
  baseRssMb: number;
  /** Both directions, WebSocket frames with headers, per load player per minute. */
  bytesPerPlayerMinute: number;
  /** `error` and `unranked` messages the load players got while measured. */
  errors: number;
  unranked: number;
  /** 1-minute load average of the machine when measured. */
  load1: number;
  /** The server's V8 heap in use (MB, `nodejs_heap_size_used_bytes`): live objects plus garbage not collected yet. */
  heapUsedMb: number;
  /** The server's garbage-collection pauses over 100 ms while measured (`nodejs_gc_duration_seconds`). */
  serverLongGcs: number;
  /** Load generator: CPU of its processes (cores), and how late its ticks ran (p99, ms). */
  generatorCpu: number;
  generatorLateP99: number;
  /** Input batches the generator wrote per second (both players of each pair). */
  generatorBatchesPerSecond: number;
  /** Event-loop delay p99 (ms) of the process running the probe players, and its longest GC pause. */
  probeLoopP99: number;
  probeGcMaxMs: number;
}

/** A generator tick this late (p99) delays batches noticeably: the offered load is not what browsers send. */
export const GENERATOR_LATE_MS = 50;
/** Generator processes using this share of their core have no room left to keep up. */
export const GENERATOR_CPU_LIMIT = 0.85;

/** The load generator's CPU (us) per player-second: how many players its core can drive. */
export const generatorUsPerPlayerSecond = (s: StepFigures): number =>
  (s.generatorCpu * 1e6) / s.players;

/** True when the load generator kept up: its ticks on time and its core not saturated. */
export const generatorKeptUp = (s: StepFigures): boolean =>
  s.generatorLateP99 <= GENERATOR_LATE_MS && s.generatorCpu < GENERATOR_CPU_LIMIT;

const f = (n: number, d = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d })
    : '-';

/** Memory per player (MB): the RSS growth over the players connected. */
export const mbPerPlayer = (s: StepFigures): number => (s.rssMb - s.baseRssMb) / s.players;

/**
 * Server CPU time per input batch (us): the work a player's traffic costs, which, unlike latency,
 * barely moves when other processes compete for the core.
 */
export const cpuPerBatchUs = (s: StepFigures): number => (s.serverCpu * 1e6) / s.batchesPerSecond;

/** One row of the step table (with the header before the first). */
export function formatStep(s: StepFigures, header: boolean): string {
  // [width, first header line, second header line, value]
  const cols: [number, string, string, string][] = [
    [8, 'players', '', f(s.players)],
    [14, 'p50/p99', 'probe ms', `${f(s.p50, 1)}/${f(s.p99, 1)}`],
    [8, 'samples', '', f(s.samples)],
    [7, 'cpu', 'server', `${f(s.serverCpu * 100, 0)} %`],
    [8, 'us/btch', 'server', f(cpuPerBatchUs(s), 0)],
    [8, 'lag p99', 'server', f(s.loopLagP99, 1)],
    [10, 'rss/heap', 'server MB', `${f(s.rssMb, 0)}/${f(s.heapUsedMb, 0)}`],
    [8, 'MB/plyr', '', f(mbPerPlayer(s), 3)],
    [11, 'B/plyr-min', '', f(s.bytesPerPlayerMinute)],
    [10, 'err/unrnk', '', `${f(s.errors)}/${f(s.unranked)}`],
    [7, 'open', '', f(s.connected)],
    [7, 'gc>.1s', 'server', f(s.serverLongGcs)],
    [7, 'gen', 'cpu', `${f(s.generatorCpu * 100, 0)} %`],
    [7, 'late', 'p99 ms', f(s.generatorLateP99, 0)],
    [8, 'gen', '', generatorKeptUp(s) ? 'ok' : 'BEHIND'],
    [10, 'probe', 'loop/gc', `${f(s.probeLoopP99, 0)}/${f(s.probeGcMaxMs, 0)}`],
    [6, 'load', '', f(s.load1, 1)],
  ];
  const line = (i: 1 | 2 | 3) => cols.map((c) => c[i].padStart(c[0])).join('') + '\n';
  const head = line(1) + line(2);
  return (header ? head : '') + line(3);
}

/**
 * The verdict: the largest step whose probe p99 stayed within `limitMs`, as players per server core,
 * with its memory and traffic per player. The projection divides by the CPU share the server
 * actually got (on a shared machine it rarely has its core to itself).
 */
export function capacityVerdict(rows: StepFigures[], limitMs: number): string {
  // The last step before the ramp's first two failures in a row, and before the generator fell behind.
  const firstFail = rows.findIndex(
    (r, i) => !(r.p99 <= limitMs) && !((rows[i + 1]?.p99 ?? 0) <= limitMs),
  );
  const firstBehind = rows.findIndex((r) => !generatorKeptUp(r));
  const end = Math.min(
    firstFail < 0 ? rows.length : firstFail,
    firstBehind < 0 ? rows.length : firstBehind,
  );
  const held = rows
    .slice(0, end)
    .filter((r) => r.p99 <= limitMs)
    .at(-1);
  const behind = rows[firstBehind];
  const note = behind
    ? `load generator          fell behind at ${f(behind.players)} players (ticks ${f(behind.generatorLateP99, 0)} ms late p99, ` +
      `${f(behind.generatorCpu * 100, 0)} % of its core${behind.generatorCpu < GENERATOR_CPU_LIMIT ? ': starved by other processes' : ''}): ` +
      `rows from there measure the generator, not the server\n`
    : `load generator          kept up at every step (ticks late p99 <= ${GENERATOR_LATE_MS} ms, under ${f(GENERATOR_CPU_LIMIT * 100, 0)} % of its core)\n`;
  if (!held)
    return `\nno step held p99 <= ${limitMs} ms (first: ${f(rows[0]?.p99 ?? NaN, 1)} ms)\n${note}`;
  const stopped = rows.find((r) => r.players > held.players && !(r.p99 <= limitMs));
  return (
    [
      '',
      `== capacity per server core (p99 <= ${limitMs} ms) ==`,
      `players per server core   ${f(held.players)} (p50 ${f(held.p50, 1)} ms, p99 ${f(held.p99, 1)} ms; ` +
        (stopped
          ? `${f(stopped.players)} players gave p99 ${f(stopped.p99, 1)} ms)`
          : 'the ramp ended before the limit)'),
      `server CPU at that step   ${f(held.serverCpu * 100, 0)} % of its core, ${f(cpuPerBatchUs(held), 0)} us per input batch ` +
        `(${f(held.players / held.serverCpu)} players per fully used core, if the work scales linearly)`,
      `memory per player         ${f(mbPerPlayer(held) * 1024, 0)} KB (RSS ${f(held.baseRssMb, 0)} -> ${f(held.rssMb, 0)} MB; V8 heap in use ${f(held.heapUsedMb, 0)} MB)`,
      `bytes per player-minute   ${f(held.bytesPerPlayerMinute)} B (both directions, at the socket)`,
      `load generator cost       ${f(generatorUsPerPlayerSecond(held), 0)} us of CPU per player-second ` +
        `(${f(1e6 / generatorUsPerPlayerSecond(held))} players per fully used generator core)`,
      `machine load average      ${f(held.load1, 1)} (above 2 the cores were shared with other work: figures are low and noisy)`,
      '',
    ].join('\n') + note
  );
}
