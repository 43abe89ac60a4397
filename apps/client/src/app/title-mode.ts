import type { Command } from '../input/input-hub.ts';
import { controlsPanel } from '../ui/controls-panel.ts';
import { menuPanel, type MenuChoice } from '../ui/menu-panel.ts';
import type { AppContext, Mode } from './context.ts';

/** The title screen: the bot's attract-mode demo behind the main menu (and the Controls screen). */
export class TitleMode implements Mode {
  readonly #ctx: AppContext;
  #onMenu = false;

  constructor(ctx: AppContext) {
    this.#ctx = ctx;
  }

  enter(): void {
    this.#ctx.setPlaying(false);
    this.#ctx.showDemo();
    this.#showMenu();
  }

  leave(): void {
    this.#onMenu = false;
  }

  onCommand(c: Command): void {
    // Start (Enter, pad Start) on the menu opens Solo, like pressing Start on the NES title.
    if (c === 'select' && this.#onMenu) this.#choose('solo');
  }

  #showMenu(): void {
    this.#onMenu = true;
    this.#ctx.panel.show(menuPanel((c) => this.#choose(c), this.#ctx.input.bindings));
  }

  #choose(c: MenuChoice): void {
    const ctx = this.#ctx;
    switch (c) {
      case 'solo':
        ctx.navigate({ name: 'solo', level: null });
        return;
      case 'duo':
        ctx.navigate({ name: 'duo' });
        return;
      case 'scoreboard':
        ctx.navigate({ name: 'scoreboard', replay: null });
        return;
      case 'controls':
        this.#onMenu = false;
        ctx.panel.show(controlsPanel(ctx.input, () => this.#showMenu()));
        return;
      default: {
        const never: never = c;
        throw new Error(`unknown menu choice ${String(never)}`);
      }
    }
  }
}
