import { MAX_START_LEVEL } from './constants.ts';

/** Scoreboard periods: games since the start of the UTC day, of the UTC week, or all of them. */
export const BOARD_PERIODS = ['today', 'week', 'all'] as const;

/** A scoreboard period. */
export type BoardPeriod = (typeof BOARD_PERIODS)[number];

/** A scoreboard's start-level filter: every start level, or games begun at one level (0-19). */
export type StartFilter = 'all' | number;

/** The start levels a board can be filtered by, in menu order. */
export const START_FILTERS: readonly StartFilter[] = [
  'all',
  ...Array.from({ length: MAX_START_LEVEL + 1 }, (_, i) => i),
];

/**
 * Where a period starts, in UTC: `today` at 00:00 UTC of `now`'s day, `week` at 00:00 UTC of the
 * Monday of `now`'s ISO week; `all` has no start. Every player sees the same boards, whatever
 * their time zone.
 */
export function periodStart(period: BoardPeriod, now: Date): Date | undefined {
  if (period === 'all') return undefined;
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (period === 'today') return new Date(day);
  const sinceMonday = (now.getUTCDay() + 6) % 7;
  return new Date(day - sinceMonday * 86_400_000);
}
