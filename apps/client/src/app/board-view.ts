import {
  BOARD_PERIODS,
  MAX_START_LEVEL,
  type BoardPeriod,
  type StartFilter,
} from '@tengen/protocol';
import type { ScoreMode } from '../net/http-api.ts';

/** What the scoreboard shows: one mode, one period, one start level (or all). */
export interface BoardView {
  mode: ScoreMode;
  period: BoardPeriod;
  start: StartFilter;
}

/** The scoreboard's view when the address names none. */
export const DEFAULT_BOARD: BoardView = { mode: 'solo', period: 'all', start: 'all' };

/** Reads a board view from the address's query; unknown values fall back to the defaults. */
export function parseBoardView(q: URLSearchParams): BoardView {
  const mode = q.get('mode') === 'duo' ? 'duo' : 'solo';
  const p = q.get('period');
  const period = (BOARD_PERIODS as readonly string[]).includes(p ?? '')
    ? (p as BoardPeriod)
    : DEFAULT_BOARD.period;
  const s = q.get('start');
  const start =
    s !== null && /^\d{1,2}$/.test(s) && Number(s) <= MAX_START_LEVEL ? Number(s) : 'all';
  return { mode, period, start };
}

/** The query of a board view (`?mode=duo&period=week&start=18`), empty for the default view. */
export function boardQuery(view: BoardView): string {
  const q = new URLSearchParams();
  if (view.mode !== DEFAULT_BOARD.mode) q.set('mode', view.mode);
  if (view.period !== DEFAULT_BOARD.period) q.set('period', view.period);
  if (view.start !== DEFAULT_BOARD.start) q.set('start', String(view.start));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Words for a period, as the filter and the table caption show it (periods are UTC). */
export const PERIOD_LABELS: Readonly<Record<BoardPeriod, string>> = {
  today: 'Today (UTC)',
  week: 'This week (from Monday, UTC)',
  all: 'All time',
};
