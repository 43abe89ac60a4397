import { BOARD_PERIODS, START_FILTERS, type StartFilter } from '@tengen/protocol';
import { PERIOD_LABELS, type BoardView } from '../app/board-view.ts';
import { h } from './dom.ts';

const MODE_LABELS = { solo: 'Solo', duo: 'Duo' } as const;

function select(
  id: string,
  label: string,
  options: readonly (readonly [string, string])[],
  value: string,
  onChange: (v: string) => void,
): HTMLElement {
  const el = h(
    'select',
    {
      id,
      name: id,
      'data-testid': id,
      onchange: (e) => onChange((e.target as HTMLSelectElement).value),
    },
    ...options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)),
  );
  return h('div', { class: 'filter' }, h('label', { for: id }, label), el);
}

/** The start level filter's words: "All levels", "Level 18". */
export function startLabel(s: StartFilter): string {
  return s === 'all' ? 'All levels' : `Level ${s}`;
}

/** The scoreboard's filters (mode, period, start level) as native selects: usable by keyboard, screen reader and touch. */
export function boardFilters(view: BoardView, onChange: (view: BoardView) => void): HTMLElement {
  return h(
    'form',
    {
      class: 'board-filters',
      'aria-label': 'Scoreboard filters',
      onsubmit: (e) => e.preventDefault(),
    },
    select(
      'board-mode',
      'Mode',
      (['solo', 'duo'] as const).map((m) => [m, MODE_LABELS[m]] as const),
      view.mode,
      (v) => onChange({ ...view, mode: v === 'duo' ? 'duo' : 'solo' }),
    ),
    select(
      'board-period',
      'Period',
      BOARD_PERIODS.map((p) => [p, PERIOD_LABELS[p]] as const),
      view.period,
      (v) => onChange({ ...view, period: BOARD_PERIODS.find((p) => p === v) ?? 'all' }),
    ),
    select(
      'board-start',
      'Start level',
      START_FILTERS.map((s) => [String(s), startLabel(s)] as const),
      String(view.start),
      (v) => onChange({ ...view, start: v === 'all' ? 'all' : Number(v) }),
    ),
  );
}
