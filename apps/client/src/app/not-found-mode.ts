import type { Command } from '../input/input-hub.ts';
import { h, panel } from '../ui/dom.ts';
import type { AppContext, Mode } from './context.ts';

/** An unknown address: say so and offer the menu. */
export class NotFoundMode implements Mode {
  readonly #ctx: AppContext;
  readonly #path: string;

  constructor(ctx: AppContext, path: string) {
    this.#ctx = ctx;
    this.#path = path;
  }

  enter(): void {
    this.#ctx.showDemo();
    this.#ctx.panel.show(
      panel(
        'not-found',
        'Nothing here',
        h('p', {}, `There is no page at ${this.#path}.`),
        h('p', {}, h('a', { href: '/', 'data-link': true }, 'Back to the menu')),
      ),
    );
  }

  leave(): void {
    // Nothing to release.
  }

  onCommand(c: Command): void {
    if (c === 'select') this.#ctx.navigate({ name: 'title' });
  }
}
