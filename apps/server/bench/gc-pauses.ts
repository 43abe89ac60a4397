/**
 * Garbage-collection pauses over 100 ms so far, all kinds together, from a Prometheus scrape of
 * prom-client's `nodejs_gc_duration_seconds` histogram (buckets 1 ms, 10 ms, 100 ms, 1 s, ...).
 */
export function longGcPauses(metrics: string): number {
  let total = 0;
  let within = 0;
  for (const m of metrics.matchAll(
    /^nodejs_gc_duration_seconds_(count|bucket)\{([^}]*)\} (\S+)$/gm,
  )) {
    if (m[1] === 'count') total += Number(m[3]);
    else if (/le="0\.1"/.test(m[2]!)) within += Number(m[3]);
  }
  return total - within;
}

/**
 * The `gc pause` lines (`gc-log.ts`) among a spawned server's collected log lines whose pause
 * exceeds `overMs`, counted by kind with the longest (e.g. "major 2 (longest 131 ms)").
 */
export function longLoggedGcs(logs: readonly Record<string, unknown>[], overMs: number): string[] {
  const kinds = new Map<string, { n: number; max: number }>();
  for (const e of logs) {
    const ms = Number(e['ms']);
    if (e['msg'] !== 'gc pause' || !(ms > overMs)) continue;
    const k = kinds.get(String(e['kind'])) ?? { n: 0, max: 0 };
    kinds.set(String(e['kind']), { n: k.n + 1, max: Math.max(k.max, ms) });
  }
  return [...kinds].map(([kind, k]) => `${kind} ${k.n} (longest ${k.max} ms)`);
}
