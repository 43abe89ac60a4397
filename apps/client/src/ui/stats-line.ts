import type { GameStats } from '@tengen/engine';
import { statItems, type StatItem } from '../view/stats-text.ts';
import { h, setText } from './dom.ts';
import './stats-line.css';

/**
 * The game statistics as one line of text (`data-testid="stat-trt"` ...). Not a live region: the
 * numbers change with every piece, which a screen reader should not announce.
 */
export class StatsLine {
  readonly root: HTMLElement;
  readonly #values = new Map<StatItem['key'], HTMLElement>();

  constructor(testId = 'stats') {
    this.root = h('dl', { class: 'stats-line', 'data-testid': testId });
  }

  /** Shows `stats` (only changed texts touch the DOM). */
  update(stats: GameStats): void {
    for (const item of statItems(stats)) {
      let el = this.#values.get(item.key);
      if (el === undefined) {
        el = h('dd', { 'data-testid': `stat-${item.key}` });
        this.root.append(
          h('div', { class: 'stat' }, h('dt', { title: item.title }, item.label), el),
        );
        this.#values.set(item.key, el);
      }
      setText(el, item.value);
    }
  }
}
