import { readFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { Gauge } from 'prom-client';
import type { Lifecycle } from './lifecycle.ts';
import type { Metrics } from './metrics.ts';

/** Where a Linux container's memory limit is read: cgroup v2, then cgroup v1. */
export const CGROUP_MEMORY_LIMIT_FILES = [
  '/sys/fs/cgroup/memory.max',
  '/sys/fs/cgroup/memory/memory.limit_in_bytes',
] as const;

// cgroup v1 reports "no limit" as a huge number near 2^63 rounded to the page size.
const NO_LIMIT_ABOVE = 2 ** 60;

/**
 * The memory this process may use: the container's cgroup limit when one is set, else the
 * machine's memory. A file that is missing, says `max` or holds anything but a byte count is
 * treated as no limit.
 */
export function memoryLimitBytes(
  files: readonly string[] = CGROUP_MEMORY_LIMIT_FILES,
  machine: () => number = totalmem,
): { bytes: number; source: 'cgroup' | 'machine' } {
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8').trim();
    } catch {
      continue;
    }
    if (!/^\d+$/.test(text)) continue;
    const bytes = Number(text);
    if (bytes > 0 && bytes < NO_LIMIT_ABOVE) return { bytes, source: 'cgroup' };
  }
  return { bytes: machine(), source: 'machine' };
}

/**
 * Gauges an alert can read without Kubernetes' own metrics: readiness as `/readyz` sees it, whether
 * the process is draining (a rolling restart, not an outage), each dependency the readiness probe
 * checks (`database`, `redis`), and the memory limit the resident set is compared with. All are
 * computed at scrape time.
 */
export function registerHealthMetrics(metrics: Metrics, lifecycle: Lifecycle): void {
  new Gauge({
    name: 'tengen_ready',
    help: '1 when /readyz answers 200 (database open, Redis reachable when configured, not draining), else 0',
    registers: [metrics.registry],
    collect() {
      this.set(lifecycle.notReadyReasons().length === 0 ? 1 : 0);
    },
  });
  new Gauge({
    name: 'tengen_draining',
    help: '1 while the process drains after SIGTERM (a rolling restart), else 0',
    registers: [metrics.registry],
    collect() {
      this.set(lifecycle.draining ? 1 : 0);
    },
  });
  new Gauge({
    name: 'tengen_dependency_up',
    help: 'Each dependency of the readiness probe: 1 when reachable, 0 when not',
    labelNames: ['dependency'],
    registers: [metrics.registry],
    collect() {
      for (const check of lifecycle.checks())
        this.set({ dependency: check.name }, check.up ? 1 : 0);
    },
  });
  new Gauge({
    name: 'tengen_memory_limit_bytes',
    help: "The container's memory limit (cgroup), or the machine's memory when there is none",
    labelNames: ['source'],
    registers: [metrics.registry],
    collect() {
      // Read at each scrape: a pod's limits can be resized in place.
      const limit = memoryLimitBytes();
      this.reset();
      this.set({ source: limit.source }, limit.bytes);
    },
  });
}
