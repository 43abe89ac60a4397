import type { ScoreMode, ScoreRow } from '../net/http-api.ts';
import { button, h, panel } from './dom.ts';

/** A table's content: rows, still loading, or why it failed. */
export type TableState =
  { kind: 'loading' } | { kind: 'rows'; rows: ScoreRow[] } | { kind: 'error'; message: string };

const TITLES: Readonly<Record<ScoreMode, string>> = { solo: 'Solo', duo: 'Duo' };

function table(mode: ScoreMode, state: TableState, onWatch: (row: ScoreRow) => void): HTMLElement {
  const caption = h('caption', {}, `${TITLES[mode]} high scores`);
  const body = (): HTMLElement[] => {
    switch (state.kind) {
      case 'loading':
        return [h('tr', {}, h('td', { colspan: 6 }, 'Loading…'))];
      case 'error':
        return [h('tr', {}, h('td', { colspan: 6, class: 'error', role: 'alert' }, state.message))];
      case 'rows':
        if (state.rows.length === 0)
          return [h('tr', {}, h('td', { colspan: 6 }, 'No scores yet. Be the first!'))];
        return state.rows.map((r) =>
          h(
            'tr',
            { 'data-testid': `score-row-${mode}`, 'data-name': r.name },
            h('td', {}, String(r.rank)),
            h('th', { scope: 'row', class: 'name' }, r.name),
            h('td', { class: 'num', 'data-testid': 'score-value' }, String(r.score)),
            h('td', { class: 'num' }, String(r.lines)),
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
        ...['#', 'Name', 'Score', 'Lines', 'Level', 'Replay'].map((t) =>
          h('th', { scope: 'col' }, t),
        ),
      ),
    ),
    h('tbody', {}, ...body()),
  );
}

/** The scoreboard: solo and duo tables side by side (stacked on narrow screens). */
export function scoreboardPanel(
  tables: Record<ScoreMode, TableState>,
  onWatch: (row: ScoreRow) => void,
  onBack: () => void,
): HTMLElement {
  const el = panel(
    'scoreboard',
    'Scoreboard',
    h(
      'div',
      { class: 'tables' },
      table('solo', tables.solo, onWatch),
      table('duo', tables.duo, onWatch),
    ),
    h('div', { class: 'actions' }, button('Back', onBack, { 'data-testid': 'scoreboard-back' })),
  );
  el.classList.add('wide');
  return el;
}
