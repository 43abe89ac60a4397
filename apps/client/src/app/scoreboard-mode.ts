import { GAME_MODES } from '@tengen/protocol';
import type { Command } from '../input/input-hub.ts';
import type { ScoreMode } from '../net/http-api.ts';
import { scoreboardPanel, type TableState } from '../ui/scoreboard-panel.ts';
import type { AppContext, Mode } from './context.ts';

/** The scoreboard (`/scoreboard`); old replay links (`/scoreboard?replay=ID`) go to the theater. */
export class ScoreboardMode implements Mode {
  readonly #ctx: AppContext;
  readonly #replay: string | null;
  #left = false;

  constructor(ctx: AppContext, replay: string | null) {
    this.#ctx = ctx;
    this.#replay = replay;
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
    const tables: Record<ScoreMode, TableState> = {
      solo: { kind: 'loading' },
      duo: { kind: 'loading' },
    };
    const render = (focus: boolean): void => {
      if (this.#left) return;
      const el = scoreboardPanel(
        tables,
        (row) => this.#ctx.navigate({ name: 'replay', id: row.replayId }),
        () => this.#ctx.navigate({ name: 'title' }),
      );
      this.#ctx.panel.show(el, { focus });
    };
    render(true);
    await Promise.all(
      GAME_MODES.map(async (mode) => {
        try {
          tables[mode] = { kind: 'rows', rows: await this.#ctx.net.api.scores(mode) };
        } catch (err) {
          tables[mode] = { kind: 'error', message: (err as Error).message };
        }
      }),
    );
    render(false);
  }
}
