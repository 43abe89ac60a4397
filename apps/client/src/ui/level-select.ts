import { MAX_START_LEVEL } from '@tengen/protocol';
import { button, h, panel } from './dom.ts';

/** Columns of the level grid (arrow keys move by one, up/down by a row). */
export const LEVEL_COLUMNS = 5;

/** The next cursor position for an arrow key in a grid of levels 0..max (clamped, no wrap). */
export function moveCursor(
  level: number,
  key: string,
  max = MAX_START_LEVEL,
  cols = LEVEL_COLUMNS,
): number {
  const delta: Record<string, number> = {
    ArrowLeft: -1,
    ArrowRight: 1,
    ArrowUp: -cols,
    ArrowDown: cols,
    KeyA: -1,
    KeyD: 1,
    KeyW: -cols,
    KeyS: cols,
  };
  const d = delta[key];
  if (d === undefined) return level;
  const next = level + d;
  return next < 0 || next > max ? level : next;
}

/** A level-select panel and its live controls. */
export interface LevelSelect {
  el: HTMLElement;
  /** Shows where the opponent's cursor is (duo), or hides it with null. */
  setOpponent(level: number | null, ready: boolean): void;
  /** Disables the grid after the choice ("waiting for the other player"). */
  setLocked(locked: boolean, note?: string): void;
}

/**
 * Level select 0-19 as a grid of buttons: arrows/WASD move the cursor (the opponent sees it live in
 * duo), Enter or a click picks. `onCursor` reports every move, `onPick` the choice.
 */
export function levelSelect(opts: {
  title: string;
  initial: number;
  onCursor(level: number): void;
  onPick(level: number): void;
  extra?: HTMLElement[];
}): LevelSelect {
  const note = h(
    'p',
    { class: 'status', role: 'status', 'data-testid': 'level-status' },
    'Choose a starting level.',
  );
  const opp = h('p', { class: 'opp-cursor', 'data-testid': 'opp-cursor', hidden: true }, '');
  const buttons: HTMLButtonElement[] = [];
  let cursor = Math.min(MAX_START_LEVEL, Math.max(0, opts.initial));
  const focus = (lv: number): void => {
    cursor = lv;
    buttons.forEach((b, i) => b.setAttribute('tabindex', i === lv ? '0' : '-1'));
    buttons[lv]?.focus();
    opts.onCursor(lv);
  };
  for (let lv = 0; lv <= MAX_START_LEVEL; lv++) {
    buttons.push(
      button(String(lv).padStart(2, '0'), () => opts.onPick(lv), {
        class: 'level',
        'data-testid': `level-${lv}`,
        tabindex: lv === cursor ? 0 : -1,
        autofocus: lv === cursor,
        onfocus: () => {
          if (cursor !== lv) focus(lv);
        },
      }),
    );
  }
  const grid = h(
    'div',
    {
      class: 'level-grid',
      role: 'group',
      'aria-label': 'Starting level',
      'data-testid': 'level-grid',
    },
    ...buttons,
  );
  grid.addEventListener('keydown', (e) => {
    const next = moveCursor(cursor, e.code);
    if (next !== cursor) {
      e.preventDefault();
      focus(next);
    } else if (/^(Arrow|Key[WASD]$)/.test(e.code)) {
      e.preventDefault();
    }
  });
  const el = panel('level-select', opts.title, grid, opp, note, ...(opts.extra ?? []));
  return {
    el,
    setOpponent(level, ready) {
      buttons.forEach((b, i) => b.classList.toggle('opp-pick', i === level));
      opp.hidden = level === null;
      opp.textContent =
        level === null
          ? ''
          : `Opponent ${ready ? 'picked' : 'is on'} level ${level}${ready ? ' and is ready' : ''}.`;
    },
    setLocked(locked, text) {
      for (const b of buttons) b.disabled = locked;
      if (text !== undefined) note.textContent = text;
    },
  };
}
