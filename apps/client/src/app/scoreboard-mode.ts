import { SCOREBOARD_SCREEN_LINES } from '@tengen/protocol';
import type { Command } from '../input/input-hub.ts';
import { scoreboardPanel, type TableState } from '../ui/scoreboard-panel.ts';
import { DEFAULT_BOARD, type BoardView } from './board-view.ts';
import type { AppContext, Mode } from './context.ts';

/** The scoreboard (`/scoreboard`); old replay links (`/scoreboard?replay=ID`) go to the theater. */
export class ScoreboardMode implements Mode {
  readonly #ctx: AppContext;
  readonly #replay: string | null;
  #view: BoardView;
  /** Counts table loads, so a slow answer for an older filter never replaces a newer one. */
  #load = 0;
  /** The filter a player just changed: it keeps the focus across the table's re-renders. */
  #refocus: string | null = null;
  #left = false;

  constructor(ctx: AppContext, replay: string | null, view: BoardView = DEFAULT_BOARD) {
    this.#ctx = ctx;
    this.#replay = replay;
    this.#view = view;
  }

  enter(): void {
    if (this.#replay !== null)
      this.#ctx.navigate({ name: 'replay', id: this.#replay }, { replace: true });
    else void this.#showTables();
  }

  leave(): void {
    this.#left = true;
    this.#ctx.setPlaying(false);
  }

  onCommand(c: Command): void {
    if (c === 'select' && this.#replay !== null)
      this.#ctx.navigate({ name: 'scoreboard', replay: null });
  }

  async #showTables(): Promise<void> {
    this.#ctx.showDemo();
    const load = ++this.#load;
    const view = this.#view;
    const render = (state: TableState, focus: boolean): void => {
      if (this.#left || load !== this.#load) return;
      const el = scoreboardPanel(view, state, {
        onFilter: (next) => {
          this.#view = next;
          this.#refocus = document.activeElement?.id ?? null;
          // The filters live in the address (shareable, kept on reload); focus stays on the filter.
          this.#ctx.setUrl({ name: 'scoreboard', replay: null, board: next }, 'replace');
          void this.#showTables();
        },
        onWatch: (row) => this.#ctx.navigate({ name: 'replay', id: row.replayId }),
        onBack: () => this.#ctx.navigate({ name: 'title' }),
      });
      this.#ctx.panel.show(el, { focus });
      if (this.#refocus?.startsWith('board-')) document.getElementById(this.#refocus)?.focus();
    };
    render({ kind: 'loading' }, load === 1);
    let state: TableState;
    try {
      state = {
        kind: 'rows',
        rows: await this.#ctx.net.api.scores(view.mode, SCOREBOARD_SCREEN_LINES, {
          period: view.period,
          start: view.start,
        }),
      };
    } catch (err) {
      state = { kind: 'error', message: (err as Error).message };
    }
    render(state, false);
  }
}
