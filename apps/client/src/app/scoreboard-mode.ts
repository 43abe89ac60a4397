import { GAME_MODES } from '@tengen/protocol';
import { playEvents } from '../audio/play-events.ts';
import { replayDriver } from '../game/replay-driver.ts';
import type { Command } from '../input/input-hub.ts';
import type { ScoreMode } from '../net/http-api.ts';
import { button, h, panel } from '../ui/dom.ts';
import { scoreboardPanel, type TableState } from '../ui/scoreboard-panel.ts';
import type { AppContext, Mode } from './context.ts';

/** The scoreboard (`/scoreboard`) and replays of its games (`/scoreboard?replay=ID`). */
export class ScoreboardMode implements Mode {
  readonly #ctx: AppContext;
  readonly #replay: string | null;
  #left = false;

  constructor(ctx: AppContext, replay: string | null) {
    this.#ctx = ctx;
    this.#replay = replay;
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
    const tables: Record<ScoreMode, TableState> = {
      solo: { kind: 'loading' },
      duo: { kind: 'loading' },
    };
    const render = (focus: boolean): void => {
      if (this.#left) return;
      const el = scoreboardPanel(
        tables,
        (row) => this.#ctx.navigate({ name: 'scoreboard', replay: row.replayId }),
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
