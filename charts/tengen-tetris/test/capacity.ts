// What one server process costs, as `npx nx run server:bench` measured it (session 15, 2026-12-03,
// this repository's 2-core CI machine; the runs are listed in the chart README's "Capacity and
// sizing"). The chart's defaults are checked against these figures (`sizing.spec.ts`): when the
// bench moves, change them here and in the README together.

/** Server CPU per playing connection and second, microseconds: the lowest, the median and the
 * highest (266) of the 23 steps that left the core under 90 % (3,010-4,510 players). */
export const CPU_US_PER_PLAYER_SECOND = { low: 176, median: 195 } as const;

/** The most players per core at which the probes' p99 stayed <= 50 ms in every run: 3,010 (5 ramps
 * of 5; 3,510 held in 3 of 5, 4,010 in 8 runs of 14). */
export const PLAYERS_HELD_PER_CORE = 3010;

/** Server RSS before any player (MB), and its growth per playing connection (KB), the highest seen. */
export const RSS_BASE_MB = 166;
export const RSS_PER_PLAYER_KB = 85;

/**
 * Kubernetes' HPA leaves the replica count alone while the metric is within this fraction of its
 * target (`--horizontal-pod-autoscaler-tolerance`, default 0.1): it adds pods only past
 * target x 1.1.
 */
export const HPA_TOLERANCE = 0.1;
