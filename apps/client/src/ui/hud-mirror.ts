import { hudModel, type FrameKind, type HudModel } from '../view/hud-model.ts';
import type { PlayerFrame } from '../view/player-frame.ts';
import { h, setText } from './dom.ts';

const FIELDS: readonly (keyof HudModel)[] = ['score', 'lines', 'level', 'next', 'phase'];
const LABELS: Readonly<Record<keyof HudModel, string>> = { score: 'Score', lines: 'Lines', level: 'Level', next: 'Next', phase: '' };

interface Group {
  root: HTMLElement;
  cells: Record<keyof HudModel, HTMLElement>;
  /** The well last published in `data-well`, to skip unchanged frames. */
  well: Uint8Array;
}

/** Publishes the well as 200 digits in `data-well` (tests compare boards without reading pixels). */
function publishWell(g: Group, cells: Uint8Array): void {
  let same = true;
  for (let i = 0; i < 200; i++) {
    if (g.well[i] !== cells[i]) {
      same = false;
      break;
    }
  }
  if (same && g.root.hasAttribute('data-well')) return;
  g.well.set(cells);
  g.root.setAttribute('data-well', cells.join(''));
}

function group(prefix: 'hud' | 'opp', title: string): Group {
  const cells = {} as Record<keyof HudModel, HTMLElement>;
  const items = FIELDS.map((f) => {
    cells[f] = h('span', { class: `hud-value hud-${f}`, 'data-testid': `${prefix}-${f}` }, '');
    return h('span', { class: 'hud-item' }, LABELS[f] ? `${LABELS[f]} ` : '', cells[f]);
  });
  const root = h('div', { class: `hud-group hud-${prefix}`, 'data-testid': `${prefix}-group`, role: 'group', 'aria-label': title }, h('span', { class: 'hud-who' }, title), ...items);
  return { root, cells, well: new Uint8Array(200) };
}

/**
 * The HUD as text in an `aria-live="polite"` region: score, lines, level, next piece and phase for the
 * player and, in duo, for the opponent plus a status line. Tests and screen readers read this, not pixels.
 */
export class HudMirror {
  readonly #you = group('hud', 'You');
  readonly #opp = group('opp', 'Opponent');
  readonly #oppStatus = h('span', { class: 'hud-status', 'data-testid': 'opp-status' }, '');
  readonly root: HTMLElement;

  constructor(root: HTMLElement) {
    this.root = root;
    this.#opp.root.append(this.#oppStatus);
    root.replaceChildren(this.#you.root, this.#opp.root);
    this.clear();
  }

  /** Shows the player's (and opponent's) frames. */
  update(frames: readonly PlayerFrame[], kind: FrameKind): void {
    this.root.hidden = false;
    const [you, opp] = frames;
    if (you !== undefined) {
      this.#fill(this.#you.cells, hudModel(you, kind));
      publishWell(this.#you, you.cells);
    }
    this.#opp.root.hidden = opp === undefined;
    if (opp !== undefined) {
      this.#fill(this.#opp.cells, hudModel(opp, kind));
      publishWell(this.#opp, opp.cells);
    }
  }

  /** The opponent's connection/game status in words ("connected", "reconnecting", "left"...). */
  setOpponentStatus(text: string): void {
    setText(this.#oppStatus, text);
  }

  /** Hides the mirror (menus without a game). */
  clear(): void {
    this.root.hidden = true;
    this.#opp.root.hidden = true;
    setText(this.#oppStatus, '');
  }

  #fill(cells: Record<keyof HudModel, HTMLElement>, m: HudModel): void {
    for (const f of FIELDS) setText(cells[f], m[f]);
  }
}
