import { PIECE_TYPES } from '@tengen/engine';
import { announcement, type AnnounceState } from '../view/announce.ts';
import { phaseLabel, type FrameKind, type HudModel } from '../view/hud-model.ts';
import { hudTitles } from '../view/hud-titles.ts';
import type { PlayerFrame } from '../view/player-frame.ts';
import { h, setText } from './dom.ts';

const FIELDS: readonly (keyof HudModel)[] = ['score', 'lines', 'level', 'next', 'phase'];
const LABELS: Readonly<Record<keyof HudModel, string>> = {
  score: 'Score',
  lines: 'Lines',
  level: 'Level',
  next: 'Next',
  phase: '',
};

interface Group {
  root: HTMLElement;
  who: HTMLElement;
  cells: Record<keyof HudModel, HTMLElement>;
  /** What each field shows now, so unchanged frames touch no DOM and build no strings. */
  shown: Record<keyof HudModel, string | number | null>;
  /** The well last published in `data-well`. */
  well: Uint8Array;
  wellSet: boolean;
}

function group(prefix: 'hud' | 'opp', title: string): Group {
  const cells = {} as Record<keyof HudModel, HTMLElement>;
  const items = FIELDS.map((f) => {
    cells[f] = h('span', { class: `hud-value hud-${f}`, 'data-testid': `${prefix}-${f}` }, '');
    return h('span', { class: 'hud-item' }, LABELS[f] ? `${LABELS[f]} ` : '', cells[f]);
  });
  const who = h('span', { class: 'hud-who', 'data-testid': `${prefix}-who` }, title);
  const root = h(
    'div',
    { class: `hud-group hud-${prefix}`, 'data-testid': `${prefix}-group` },
    who,
    ...items,
  );
  return {
    root,
    who,
    cells,
    shown: { score: null, lines: null, level: null, next: null, phase: null },
    well: new Uint8Array(200),
    wellSet: false,
  };
}

function show(g: Group, field: keyof HudModel, value: string | number): void {
  if (g.shown[field] === value) return;
  g.shown[field] = value;
  g.cells[field].textContent = String(value);
}

/** Publishes the well as 200 digits in `data-well` (tests compare boards without reading pixels). */
function publishWell(g: Group, cells: Uint8Array): void {
  if (g.wellSet) {
    let i = 0;
    while (i < 200 && g.well[i] === cells[i]) i++;
    if (i === 200) return;
  }
  g.well.set(cells);
  g.wellSet = true;
  g.root.setAttribute('data-well', cells.join(''));
}

function fill(g: Group, f: PlayerFrame, kind: FrameKind): void {
  show(g, 'score', f.score);
  show(g, 'lines', f.lines);
  show(g, 'level', f.level);
  show(g, 'next', f.next >= 0 ? (PIECE_TYPES[f.next] ?? '-') : '-');
  show(g, 'phase', phaseLabel(f, kind));
  publishWell(g, f.cells);
}

/**
 * The HUD as text: score, lines, level, next piece and phase for the player and, in duo, for the
 * opponent plus a status line. Tests and screen readers read this, not pixels. It is not a live
 * region (it changes every piece); `announcer`, a polite live region, speaks only line clears,
 * level-ups and the end of a game (`announcement`), never during the title demo.
 */
export class HudMirror {
  readonly #you = group('hud', 'You');
  readonly #opp = group('opp', 'Opponent');
  readonly #oppStatus = h('span', { class: 'hud-status', 'data-testid': 'opp-status' }, '');
  readonly root: HTMLElement;
  readonly #announcer: HTMLElement | null;
  #heard: AnnounceState | null = null;

  constructor(root: HTMLElement, announcer: HTMLElement | null = null) {
    this.root = root;
    this.#announcer = announcer;
    this.#opp.root.append(this.#oppStatus);
    root.replaceChildren(this.#you.root, this.#opp.root);
    this.clear();
  }

  /** Shows the player's (and opponent's) frames. */
  update(frames: readonly PlayerFrame[], kind: FrameKind): void {
    if (this.root.hidden) this.root.hidden = false;
    const [you, opp] = frames;
    const [youTitle, oppTitle] = hudTitles(kind, [you?.name ?? '', opp?.name ?? '']);
    setText(this.#you.who, youTitle);
    setText(this.#opp.who, oppTitle);
    if (you !== undefined) {
      fill(this.#you, you, kind);
      const said = announcement(this.#heard, you, kind);
      this.#heard = said.state;
      if (said.text !== null && this.#announcer !== null) this.#announcer.textContent = said.text;
    }
    const noOpp = opp === undefined;
    if (this.#opp.root.hidden !== noOpp) this.#opp.root.hidden = noOpp;
    if (opp !== undefined) fill(this.#opp, opp, kind);
  }

  /** The opponent's connection/game status in words ("connected", "reconnecting", "left"...). */
  setOpponentStatus(text: string): void {
    setText(this.#oppStatus, text);
  }

  /** Hides the mirror (menus without a game). */
  clear(): void {
    this.#heard = null;
    this.root.hidden = true;
    this.#opp.root.hidden = true;
    setText(this.#oppStatus, '');
  }
}
