import type { Command } from '../input/input-hub.ts';
import { h, panel } from '../ui/dom.ts';
import type { AppContext, Mode } from './context.ts';

/** Duo (work in progress). */
export class DuoMode implements Mode {
  readonly #ctx: AppContext;
  readonly #code: string | null;

  constructor(ctx: AppContext, code: string | null) {
    this.#ctx = ctx;
    this.#code = code;
  }

  enter(): void {
    this.#ctx.showDemo();
    this.#ctx.panel.show(panel('duo', 'Duo', h('p', {}, this.#code ?? '')));
  }

  leave(): void {
    // Placeholder until the duo screens land.
  }

  onCommand(_c: Command): void {
    // Placeholder until the duo screens land.
  }
}
