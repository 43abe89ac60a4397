/** Old app (measured): bytes of a full board update per piece spawn, and per piece move. */
export const OLD_BYTES_PER_SPAWN = 3835;
/** See `OLD_BYTES_PER_SPAWN`. */
export const OLD_BYTES_PER_MOVE = 69;

/** One load worker's numbers. */
export interface WorkerReport {
  [k: string]: unknown;
}

const sum = (reports: WorkerReport[], key: string) =>
  reports.reduce((n, r) => n + Number(r[key] ?? 0), 0);

/** The value at quantile `q` of sorted `xs`. */
export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  return xs[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
}

/** Cumulative bucket counts (`le` in seconds -> count) of a Prometheus histogram in exposition text. */
export function histogramBuckets(text: string, name: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const m of text.matchAll(new RegExp(`^${name}_bucket\\{le="([^"]+)"\\} (\\d+)`, 'gm'))) {
    out.set(m[1] === '+Inf' ? Infinity : Number(m[1]), Number(m[2]));
  }
  return out;
}

/** Quantile `q` (in ms) of the observations between two bucket snapshots, interpolated in the bucket. */
export function bucketQuantile(
  before: Map<number, number>,
  after: Map<number, number>,
  q: number,
): { ms: number; count: number } {
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const counts = bounds.map((b) => (after.get(b) ?? 0) - (before.get(b) ?? 0));
  const total = counts.at(-1) ?? 0;
  const rank = q * total;
  let lower = 0;
  for (let i = 0; i < bounds.length; i++) {
    const upper = bounds[i]!;
    if (counts[i]! >= rank) {
      const prev = i > 0 ? counts[i - 1]! : 0;
      const within = counts[i]! - prev;
      const frac = within > 0 ? (rank - prev) / within : 0;
      return {
        ms: (Number.isFinite(upper) ? lower + (upper - lower) * frac : lower) * 1000,
        count: total,
      };
    }
    lower = upper;
  }
  return { ms: NaN, count: total };
}

/**
 * The benchmark's printout: concurrency, latency percentiles, server CPU, and bytes per player-minute
 * each way next to what the old app would have sent for the same play (spawns and moves counted).
 */
export function summarize(
  reports: WorkerReport[],
  server: {
    serverCpu: number;
    wallSeconds: number;
    relay: { p50: number; p99: number; count: number };
    loopLag: { p99: number; max: number; gcShare: number };
    probe: { p50: number; p99: number; count: number; players: number };
  },
): string {
  const latencies = reports.flatMap((r) => r['latencies'] as number[]).sort((a, b) => a - b);
  const minutes = sum(reports, 'minutes');
  const perMin = (bytes: number) => (minutes > 0 ? bytes / minutes : NaN);
  const oldPerMin = perMin(
    sum(reports, 'spawns') * OLD_BYTES_PER_SPAWN + sum(reports, 'moves') * OLD_BYTES_PER_MOVE,
  );
  const down = perMin(sum(reports, 'bytesIn'));
  const up = perMin(sum(reports, 'bytesOut'));
  const f = (n: number, d = 0) =>
    n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  const lines = [
    '',
    '== tengen server benchmark (loopback) ==',
    `concurrent players      ${f(sum(reports, 'connected'))} connected of ${f(sum(reports, 'players'))} opened (${f(sum(reports, 'failures'))} pairs failed), ${f(server.wallSeconds, 1)} s measured`,
    `server relay latency    p50 ${f(server.relay.p50, 2)} ms, p99 ${f(server.relay.p99, 2)} ms (${f(server.relay.count)} batches: arrival in the room -> opponent's patch written to its socket)`,
    `probe players latency   p50 ${f(server.probe.p50, 1)} ms, p99 ${f(server.probe.p99, 1)} ms (${f(server.probe.count)} samples from ${f(server.probe.players)} players on an idle thread: send -> opponent decoded the patch)`,
    `all players latency     p50 ${f(quantile(latencies, 0.5), 1)} ms, p99 ${f(quantile(latencies, 0.99), 1)} ms, max ${f(latencies.at(-1) ?? NaN, 1)} ms (${f(latencies.length)} samples, including the overloaded load-generator threads)`,
    `server CPU              ${f(server.serverCpu * 100, 1)} % of one core; event-loop lag p99 ${f(server.loopLag.p99, 1)} ms, max ${f(server.loopLag.max, 1)} ms; GC ${f(server.loopLag.gcShare * 100, 1)} % of wall time`,
    `per player-minute       ${f(perMin(sum(reports, 'spawns')), 1)} spawns, ${f(perMin(sum(reports, 'moves')), 1)} moves (shift/rotate)`,
    `bytes/player-minute     server->client ${f(down)} B, client->server ${f(up)} B (WebSocket frames, headers included)`,
    `old app, same play      ${f(oldPerMin)} B/player-minute (3,835 B per spawn + 69 B per move)`,
    `ratio to old app        server->client ${f(down / oldPerMin, 3)}, client->server ${f(up / oldPerMin, 3)}, both ${f((down + up) / oldPerMin, 3)}`,
    `rejected messages       ${f(sum(reports, 'errors'))}`,
    '',
  ];
  return lines.join('\n');
}
