import { NAME_CODE_LENGTH, type PlayerGameLine, type PlayerResponse } from '@tengen/protocol';
import type { ScoreRow } from '../net/http-api.ts';
import { button, h, panel, type Child } from './dom.ts';
import { gameDate } from './scoreboard-panel.ts';
import { StatsLine } from './stats-line.ts';

const MODES = { solo: 'Solo', duo: 'Duo' } as const;

/** What the name section of a player page offers this browser. */
export type NameSection =
  /** This browser holds the name: it may show a move code (`code` once asked for). */
  | { kind: 'yours'; code: { code: string; until: string } | null; error: string }
  /** Another browser holds it: a code from there moves it here. */
  | { kind: 'held'; error: string }
  /** Nobody holds it yet. */
  | { kind: 'free' };

function gamesTable(
  testId: string,
  caption: string,
  rows: PlayerGameLine[],
  first: 'start' | 'date',
  onWatch: (row: ScoreRow) => void,
): HTMLElement {
  const head = [first === 'start' ? 'Start' : 'Date', 'Mode', 'Score', 'Lines', 'Level', 'Replay'];
  return h(
    'table',
    { class: 'scores', 'data-testid': testId },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...head.map((t) => h('th', { scope: 'col' }, t)))),
    h(
      'tbody',
      {},
      ...rows.flatMap((r) => [
        h(
          'tr',
          { 'data-testid': `${testId}-row` },
          h('th', { scope: 'row' }, first === 'start' ? `Level ${r.startLevel}` : gameDate(r.at)),
          h('td', {}, MODES[r.mode]),
          h('td', { class: 'num', 'data-testid': 'score-value' }, String(r.score)),
          h('td', { class: 'num' }, String(r.lines)),
          h('td', { class: 'num' }, `${r.startLevel}→${r.level}`),
          h(
            'td',
            {},
            button('Watch', () => onWatch(r), {
              'aria-label': `Watch the ${r.score} replay`,
              'data-testid': 'watch-replay',
            }),
          ),
        ),
        statsRow(r, head.length),
      ]),
    ),
  );
}

/** The row under a game: its Tetris rate, burns, longest drought, pieces per minute and counts. */
function statsRow(r: PlayerGameLine, columns: number): HTMLElement {
  let cell: Child = 'Statistics unavailable for this game.';
  if (r.stats !== null) {
    const line = new StatsLine('game-stats');
    line.update(r.stats);
    cell = line.root;
  }
  return h(
    'tr',
    { class: 'game-stats-row', 'data-testid': 'game-stats-row' },
    h('td', { colspan: columns }, cell),
  );
}

function nameSection(
  name: string,
  section: NameSection,
  on: { onAskCode(): void; onClaim(code: string): void },
): Child {
  switch (section.kind) {
    case 'free':
      return null;
    case 'yours':
      return h(
        'div',
        { class: 'name-move', 'data-testid': 'name-yours' },
        h('p', {}, `"${name}" is yours on this browser.`),
        section.code
          ? h(
              'p',
              { role: 'status', 'data-testid': 'move-code-text' },
              'On your other device, open this page and enter ',
              h('code', { class: 'move-code', 'data-testid': 'move-code' }, section.code.code),
              ` before ${section.code.until}. It works once; after that the name is no longer held here.`,
            )
          : button('Move this name to another device', on.onAskCode, {
              'data-testid': 'ask-move-code',
            }),
        section.error ? h('p', { class: 'error', role: 'alert' }, section.error) : null,
      );
    case 'held': {
      const input = h('input', {
        id: 'move-code-input',
        type: 'text',
        autocomplete: 'one-time-code',
        autocapitalize: 'characters',
        spellcheck: 'false',
        maxlength: NAME_CODE_LENGTH + 4,
        'data-testid': 'move-code-input',
      });
      const form = h(
        'form',
        { class: 'name-form', novalidate: true, 'data-testid': 'claim-form' },
        h('label', { for: 'move-code-input' }, 'Code from your other device'),
        input,
        section.error
          ? h('p', { class: 'error', role: 'alert', 'data-testid': 'claim-error' }, section.error)
          : null,
        h(
          'div',
          { class: 'actions' },
          h('button', { type: 'submit', 'data-testid': 'claim-submit' }, 'Move it here'),
        ),
      );
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        on.onClaim(input.value);
      });
      return h(
        'div',
        { class: 'name-move', 'data-testid': 'name-held' },
        h(
          'p',
          {},
          `"${name}" belongs to the browser that first stored a score under it. If that is you, ` +
            'open this page there, choose "Move this name to another device", and enter the code here.',
        ),
        form,
      );
    }
    default: {
      const never: never = section;
      throw new Error(`unknown name section ${JSON.stringify(never)}`);
    }
  }
}

/** A player's page: best game per mode and start level, recent games, and the name's holder. */
export function playerPanel(
  page: PlayerResponse,
  section: NameSection,
  on: {
    onWatch(row: ScoreRow): void;
    onAskCode(): void;
    onClaim(code: string): void;
    onBack(): void;
  },
): HTMLElement {
  const empty = page.best.length === 0 && page.recent.length === 0;
  const el = panel(
    'player',
    page.name,
    empty
      ? h(
          'p',
          { 'data-testid': 'player-empty' },
          `No games are stored under "${page.name}" yet.`,
          page.held ? '' : ' The first score stored under this name makes it yours.',
        )
      : h(
          'div',
          { class: 'tables' },
          gamesTable(
            'player-best',
            'Best per mode and start level',
            page.best,
            'start',
            on.onWatch,
          ),
          gamesTable('player-recent', 'Recent games', page.recent, 'date', on.onWatch),
        ),
    nameSection(page.name, section, on),
    h(
      'div',
      { class: 'actions' },
      button('Scoreboard', on.onBack, { 'data-testid': 'player-back' }),
    ),
  );
  el.classList.add('wide');
  return el;
}
