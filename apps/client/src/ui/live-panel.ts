import type { LiveGame, LiveResponse } from '@tengen/protocol';
import { button, h, panel } from './dom.ts';

/** What the Live table shows: a page of games, still loading, or why it failed. */
export type LiveState =
  { kind: 'loading' } | { kind: 'page'; page: LiveResponse } | { kind: 'error'; message: string };

const COLUMNS = ['Game', 'Players', 'Level', 'Score', 'Lines', 'Watching', 'Watch'];
const cell = (text: string, cls = 'num') => h('td', { class: cls }, text);
/** Both players' values side by side ("12 vs 9"), or the solo player's. */
const each = (g: LiveGame, pick: (p: LiveGame['players'][number]) => number) =>
  g.players.map((p) => String(pick(p))).join(' vs ');

function row(g: LiveGame): HTMLElement {
  const mode = g.mode === 'duo' ? 'Duo' : 'Solo';
  const players = g.players.length > 0 ? g.players.map(() => 'Player').join(' vs ') : '—';
  const scores = each(g, (p) => p.score);
  return h(
    'tr',
    { 'data-testid': 'live-row', 'data-room': g.roomId },
    h('th', { scope: 'row' }, mode),
    cell(players, 'name'),
    cell(each(g, (p) => p.level)),
    cell(scores),
    cell(each(g, (p) => p.lines)),
    cell(String(g.spectators)),
    h(
      'td',
      {},
      h(
        'a',
        {
          href: `/watch/${encodeURIComponent(g.roomId)}`,
          'data-link': true,
          'data-testid': 'live-watch',
          'aria-label': `Watch this ${mode.toLowerCase()} game (score ${scores})`,
        },
        'Watch',
      ),
    ),
  );
}

/** The rows of the table body for a state. */
export function liveRows(state: LiveState): HTMLElement[] {
  const note = (text: string, attrs: Record<string, string> = {}) => [
    h('tr', {}, h('td', { colspan: COLUMNS.length, ...attrs }, text)),
  ];
  switch (state.kind) {
    case 'loading':
      return note('Loading…');
    case 'error':
      return note(state.message, { class: 'error', role: 'alert' });
    case 'page':
      if (state.page.games.length === 0)
        return note('No games are being played right now. Start one, and it shows up here!', {
          'data-testid': 'live-empty',
        });
      return state.page.games.map(row);
    default: {
      const never: never = state;
      throw new Error(`unknown live state ${JSON.stringify(never)}`);
    }
  }
}

/** The Live page: a table of the games in progress; `body` is refreshed in place. */
export function livePanel(opts: { onPage: (delta: -1 | 1) => void; onBack: () => void }): {
  el: HTMLElement;
  body: HTMLElement;
  pager: HTMLElement;
  prev: HTMLButtonElement;
  next: HTMLButtonElement;
} {
  const body = h('tbody', {}, ...liveRows({ kind: 'loading' }));
  const pager = h('p', { class: 'pager', 'aria-live': 'polite' });
  const prev = button('Previous', () => opts.onPage(-1), {
    'data-testid': 'live-prev',
    disabled: true,
  });
  const next = button('Next', () => opts.onPage(1), { 'data-testid': 'live-next', disabled: true });
  const el = panel(
    'live',
    'Live games',
    h(
      'table',
      { class: 'scores live', 'data-testid': 'live-table' },
      h('caption', {}, 'Games being played now (updated every few seconds)'),
      h('thead', {}, h('tr', {}, ...COLUMNS.map((t) => h('th', { scope: 'col' }, t)))),
      body,
    ),
    pager,
    h(
      'div',
      { class: 'actions' },
      prev,
      next,
      button('Back', opts.onBack, { 'data-testid': 'live-back' }),
    ),
  );
  el.classList.add('wide');
  return { el, body, pager, prev, next };
}
