import { PERIOD_LABELS, type BoardView } from '../app/board-view.ts';
import type { ScoreRow } from '../net/http-api.ts';
import { boardFilters, startLabel } from './board-filters.ts';
import { button, h, panel } from './dom.ts';

/** A table's content: rows, still loading, or why it failed. */
export type TableState =
  { kind: 'loading' } | { kind: 'rows'; rows: ScoreRow[] } | { kind: 'error'; message: string };

const TITLES = { solo: 'Solo', duo: 'Duo' } as const;

/** A link to a player's page (`/player/NAME`, encoded), followed in-app. */
export function playerLink(name: string): HTMLElement {
  return h(
    'a',
    {
      href: `/player/${encodeURIComponent(name)}`,
      'data-link': true,
      'data-testid': 'player-link',
    },
    name,
  );
}

/** The date of a game, short (`1 Dec 2026`), in UTC like the boards' periods. */
export function gameDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function table(view: BoardView, state: TableState, onWatch: (row: ScoreRow) => void): HTMLElement {
  const { mode } = view;
  const caption = h(
    'caption',
    {},
    `${TITLES[mode]} high scores · ${PERIOD_LABELS[view.period]} · ${startLabel(view.start)}`,
  );
  const body = (): HTMLElement[] => {
    switch (state.kind) {
      case 'loading':
        return [h('tr', {}, h('td', { colspan: 6 }, 'Loading…'))];
      case 'error':
        return [h('tr', {}, h('td', { colspan: 6, class: 'error', role: 'alert' }, state.message))];
      case 'rows':
        if (state.rows.length === 0)
          return [
            h(
              'tr',
              {},
              h(
                'td',
                { colspan: 6, 'data-testid': 'scores-empty' },
                view.period === 'all' && view.start === 'all'
                  ? 'No scores yet. Be the first!'
                  : 'No scores for these filters yet. Be the first!',
              ),
            ),
          ];
        return state.rows.map((r) =>
          h(
            'tr',
            { 'data-testid': `score-row-${mode}`, 'data-name': r.name },
            h('td', {}, String(r.rank)),
            h('th', { scope: 'row', class: 'name' }, playerLink(r.name)),
            h('td', { class: 'num', 'data-testid': 'score-value' }, String(r.score)),
            h('td', { class: 'num opt' }, String(r.lines)),
            h('td', { class: 'num' }, `${r.startLevel}→${r.level}`),
            h(
              'td',
              {},
              button('Watch', () => onWatch(r), {
                'aria-label': `Watch ${r.name}'s ${r.score} replay`,
                'data-testid': 'watch-replay',
              }),
            ),
          ),
        );
      default: {
        const never: never = state;
        throw new Error(`unknown table state ${JSON.stringify(never)}`);
      }
    }
  };
  return h(
    'table',
    { class: 'scores', 'data-testid': `scores-${mode}` },
    caption,
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...(
          [
            ['#', ''],
            ['Name', ''],
            ['Score', ''],
            ['Lines', 'opt'],
            ['Level', ''],
            ['Replay', ''],
          ] as const
        ).map(([t, c]) => h('th', { scope: 'col', class: c || undefined }, t)),
      ),
    ),
    h('tbody', {}, ...body()),
  );
}

/** The scoreboard: filters (mode, period, start level) above the one table they select. */
export function scoreboardPanel(
  view: BoardView,
  state: TableState,
  handlers: {
    onFilter(view: BoardView): void;
    onWatch(row: ScoreRow): void;
    onBack(): void;
  },
): HTMLElement {
  const el = panel(
    'scoreboard',
    'Scoreboard',
    boardFilters(view, handlers.onFilter),
    h('div', { class: 'tables' }, table(view, state, handlers.onWatch)),
    h(
      'div',
      { class: 'actions' },
      button('Back', handlers.onBack, { 'data-testid': 'scoreboard-back' }),
    ),
  );
  el.classList.add('wide');
  return el;
}
