import type { Rect } from '../view/layout.ts';
import type { StageLayout } from '../view/stage-layout.ts';
import { h } from './dom.ts';

const WHO = ['you', 'opp'] as const;

function setRect(style: CSSStyleDeclaration, name: string, r: Rect): void {
  style.setProperty(`--${name}-x`, `${r.x}px`);
  style.setProperty(`--${name}-y`, `${r.y}px`);
  style.setProperty(`--${name}-w`, `${r.w}px`);
  style.setProperty(`--${name}-h`, `${r.h}px`);
}

/**
 * Moves the page's HTML to the stage layout the renderer just used: notices, menus and the touch pad
 * go where `stageLayout` put them (as CSS variables on the screen element), and an invisible box
 * marks each well (`data-testid="well-you"` / `"well-opp"`, measured against the real canvas) so tests
 * and tools can check where the boards are without reading pixels.
 */
export class StageOverlay {
  readonly #screen: HTMLElement;
  readonly #stage: HTMLElement;
  readonly #wells = WHO.map((who) =>
    h('div', {
      class: 'well-box',
      'aria-hidden': 'true',
      'data-testid': `well-${who}`,
      hidden: true,
    }),
  );

  constructor(screen: HTMLElement, stage: HTMLElement) {
    this.#screen = screen;
    this.#stage = stage;
    screen.append(...this.#wells);
  }

  /** Applies `layout` (called by the stage scene once its cameras are placed). */
  apply(layout: StageLayout): void {
    const s = this.#screen.style;
    const d = this.#screen.dataset;
    d['arrangement'] = layout.arrangement;
    d['pad'] = layout.pad?.placement ?? 'none';
    d['players'] = String(layout.screens.length);
    setRect(s, 'notices', layout.notices);
    setRect(s, 'panel', layout.panel);
    if (layout.pad !== null) {
      setRect(s, 'dpad', layout.pad.dpad);
      setRect(s, 'ab', layout.pad.abPair);
      setRect(s, 'pause', layout.pad.pause);
      s.setProperty('--pad-btn', `${layout.pad.button}px`);
      s.setProperty('--pad-ab', `${layout.pad.ab}px`);
    }
    // The canvas is scaled to fit the stage: measure it, so the boxes follow what is really drawn.
    const canvas = this.#stage.querySelector('canvas');
    const screenBox = this.#screen.getBoundingClientRect();
    const box = canvas?.getBoundingClientRect() ?? screenBox;
    const kx = box.width / layout.width || 1;
    const ky = box.height / layout.height || 1;
    this.#wells.forEach((el, i) => {
      const w = layout.wells[i];
      el.hidden = w === undefined;
      if (w === undefined) return;
      el.style.left = `${box.left - screenBox.left + w.x * kx}px`;
      el.style.top = `${box.top - screenBox.top + w.y * ky}px`;
      el.style.width = `${w.w * kx}px`;
      el.style.height = `${w.h * ky}px`;
    });
  }
}
