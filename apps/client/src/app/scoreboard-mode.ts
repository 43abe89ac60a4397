import { playEvents } from '../audio/play-events.ts';
import { replayDriver } from '../game/replay-driver.ts';
import type { Command } from '../input/input-hub.ts';
import { button, h, panel } from '../ui/dom.ts';
import { scoreboardPanel, type TableState } from '../ui/scoreboard-panel.ts';
import { DEFAULT_BOARD, type BoardView } from './board-view.ts';
import type { AppContext, Mode } from './context.ts';

/** The scoreboard (`/scoreboard`) and replays of its games (`/scoreboard?replay=ID`). */
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
    if (this.#replay !== null) void this.#watch(this.#replay);
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
        onWatch: (row) => this.#ctx.navigate({ name: 'scoreboard', replay: row.replayId }),
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
        rows: await this.#ctx.net.api.scores(view.mode, 50, {
          period: view.period,
          start: view.start,
        }),
      };
    } catch (err) {
      state = { kind: 'error', message: (err as Error).message };
    }
    render(state, false);
  }

  async #watch(id: string): Promise<void> {
    const back = button(
      'Back to scoreboard',
      () => this.#ctx.navigate({ name: 'scoreboard', replay: null }),
      { autofocus: true, 'data-testid': 'replay-back' },
    );
    const status = h(
      'p',
      { class: 'status', role: 'status', 'data-testid': 'replay-status' },
      'Loading replay…',
    );
    this.#ctx.panel.show(panel('replay', 'Replay', status, h('div', { class: 'actions' }, back)));
    this.#ctx.panel.compact(true);
    try {
      const replay = await this.#ctx.net.api.replay(id);
      if (this.#left) return;
      status.textContent = `Playing: seed ${replay.seed}, start level ${replay.startLevel}.`;
      const driver = replayDriver(replay, {
        name: 'REPLAY',
        onEvents: (ev, game) => playEvents(this.#ctx.sfx, ev, game),
        onGameOver: (sim) => {
          status.textContent = `Replay finished: score ${sim.game.score}, lines ${sim.game.lines}, level ${sim.game.level}.`;
        },
      });
      await this.#ctx.stage.show(driver);
    } catch (err) {
      status.textContent = (err as Error).message;
      status.classList.add('error');
    }
  }
}
