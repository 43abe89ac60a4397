// Loaded into the benchmarked server with `--import` (in NODE_OPTIONS): logs each garbage-collection
// pause over GC_LOG_MS (default 20) as a JSON line on stdout, which the bench collects with the
// server's own log lines. `--trace-gc` would do it, but Node refuses it in NODE_OPTIONS.
import { constants, PerformanceObserver } from 'node:perf_hooks';

const overMs = Number(process.env['GC_LOG_MS'] ?? 20);
const KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
};

new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    if (e.duration <= overMs) continue;
    const kind = KINDS[(e as { detail?: { kind?: number } }).detail?.kind ?? 0] ?? 'other';
    process.stdout.write(
      `${JSON.stringify({ msg: 'gc pause', kind, ms: Math.round(e.duration), heapMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20) })}\n`,
    );
  }
}).observe({ entryTypes: ['gc'] });
