import { GameEvent } from '@tengen/engine';
import { playEvents } from '../audio/play-events.ts';
import {
  OfflineSolo,
  type GameStart,
  type SessionNotice,
  type SoloBackend,
} from '../game/backend.ts';
import { SimDriver } from '../game/sim-driver.ts';
import type { Command } from '../input/input-hub.ts';
import { JoinError } from '../net/net-client.ts';
import { OnlineSolo } from '../net/online-solo.ts';
import { h, panel } from '../ui/dom.ts';
import { gameOverPanel, type GameOverChoice } from '../ui/game-over-panel.ts';
import { levelSelect } from '../ui/level-select.ts';
import { LAST_NAME_KEY, nameEntry } from '../ui/name-entry.ts';
import { showWatching } from '../ui/watching-badge.ts';
import type { AppContext, Mode } from './context.ts';
import { showSessionNotice } from './notices.ts';
import { freshSeed } from './seed.ts';
import { loadTop, recordTop } from './top-score.ts';

type Phase = 'select' | 'starting' | 'playing' | 'over' | 'naming';

/**
 * Solo: level select, play, pause, game over, name entry. Online (the default) the server deals the
 * seed and verifies the score; if it cannot be reached the game runs offline and cannot be submitted.
 */
export class SoloMode implements Mode {
  readonly #ctx: AppContext;
  readonly #initialLevel: number | null;
  #backend: Promise<SoloBackend> | null = null;
  #offNotice: (() => void) | null = null;
  #driver: SimDriver | null = null;
  #phase: Phase = 'select';
  #level = 0;
  #left = false;

  constructor(ctx: AppContext, level: number | null) {
    this.#ctx = ctx;
    this.#initialLevel = level;
  }

  enter(): void {
    this.#ctx.setPlaying(false);
    this.#connect();
    if (this.#initialLevel !== null) this.#pick(this.#initialLevel);
    else this.#showSelect();
  }

  leave(): void {
    this.#left = true;
    this.#ctx.setPlaying(false);
    this.#offNotice?.();
    void this.#backend?.then((b) => b.dispose());
  }

  onCommand(c: Command): void {
    // Start on the level select picks the level under the cursor (keyboard focus elsewhere, pad Start).
    if (c === 'select' && this.#phase === 'select') return void this.#pick(this.#level);
    const d = this.#driver;
    if (this.#phase !== 'playing' || d === null) return;
    if (c === 'pause' || (c === 'select' && d.paused)) this.#setPaused(!d.paused);
  }

  #connect(): void {
    const offline = (reason: string): SoloBackend => new OfflineSolo(freshSeed, reason);
    this.#backend = this.#ctx.net.openSolo().then(
      (link) => new OnlineSolo(link),
      (err: unknown) => {
        const msg =
          err instanceof JoinError ? err.failure.message : 'Cannot reach the game server.';
        this.#ctx.banner.show(
          'offline',
          `${msg} Playing offline: scores cannot be submitted.`,
          'warning',
        );
        return offline(
          'Offline game: the server could not be reached, so this score cannot be verified.',
        );
      },
    );
    void this.#backend.then((b) => {
      if (this.#left) return b.dispose();
      const offNotice = b.onNotice((n) => this.#onNotice(n));
      const offWatching = b instanceof OnlineSolo ? showWatching(b.session.link) : null;
      this.#offNotice = () => (offNotice(), offWatching?.());
    });
  }

  #onNotice(n: SessionNotice): void {
    showSessionNotice(this.#ctx.banner, n);
    if (n.kind === 'lost' && this.#phase !== 'playing') this.#showSelect();
  }

  #showSelect(): void {
    this.#phase = 'select';
    this.#ctx.setPlaying(false);
    this.#ctx.showDemo();
    this.#driver = null;
    const sel = levelSelect({
      title: 'Solo: level select',
      initial: this.#level,
      onCursor: (lv) => {
        this.#level = lv;
        void this.#backend?.then((b) => b.cursor(lv));
      },
      onPick: (lv) => this.#pick(lv),
    });
    this.#ctx.panel.show(sel.el);
  }

  async #pick(level: number): Promise<void> {
    if (this.#phase === 'starting') return;
    this.#phase = 'starting';
    this.#level = level;
    this.#ctx.panel.show(panel('starting', 'Starting…', h('p', {}, `Level ${level}`)));
    const backend = await this.#backend!;
    try {
      this.#play(backend, await backend.start(level, () => this.#recorded()));
    } catch (err) {
      if (this.#left) return;
      // The server refused (e.g. it is restarting): play offline rather than not at all.
      this.#ctx.banner.show(
        'offline',
        `${(err as Error).message} Playing offline: scores cannot be submitted.`,
        'warning',
      );
      backend.dispose();
      this.#backend = Promise.resolve(
        new OfflineSolo(freshSeed, 'Offline game: this score cannot be verified.'),
      );
      this.#phase = 'select';
      return this.#pick(level);
    }
  }

  #recorded(): [number, number][] {
    return this.#driver?.sim.replay().inputs ?? [];
  }

  #play(backend: SoloBackend, start: GameStart): void {
    if (this.#left) return;
    const { input, sfx } = this.#ctx;
    this.#driver = new SimDriver({
      seed: start.seed,
      startLevel: start.startLevel,
      top: loadTop(this.#ctx.store),
      human: true,
      buttons: () => input.sampleButtons(),
      onStep: (f, b) => backend.frame(f, b),
      onEvents: (ev, game) => {
        playEvents(sfx, ev, game);
        if (ev & GameEvent.TopOut) backend.gameOver();
      },
      onGameOver: (sim) => this.#gameOver(backend, sim.game.score, sim.game.lines, sim.game.level),
    });
    this.#phase = 'playing';
    input.latch.clear();
    void this.#ctx.stage.show(this.#driver);
    this.#ctx.panel.show(null);
    this.#ctx.setPlaying(true);
  }

  #setPaused(on: boolean): void {
    this.#driver?.setPaused(on);
    void this.#backend?.then((b) => b.pause(on));
  }

  #gameOver(backend: SoloBackend, score: number, lines: number, level: number): void {
    this.#phase = 'over';
    recordTop(this.#ctx.store, score);
    this.#ctx.setPlaying(false);
    this.#ctx.panel.show(
      gameOverPanel({
        score,
        lines,
        level,
        submitBlocked: backend.submitBlocked(),
        onChoose: (c) => void this.#choose(backend, c),
      }),
    );
  }

  async #choose(backend: SoloBackend, c: GameOverChoice): Promise<void> {
    switch (c) {
      case 'retry':
        return this.#retry(backend);
      case 'submit':
        return this.#askName(backend);
      case 'level':
        backend.dispose();
        this.#connect();
        return this.#showSelect();
      case 'menu':
        return this.#ctx.navigate({ name: 'title' });
      default: {
        const never: never = c;
        throw new Error(`unknown choice ${String(never)}`);
      }
    }
  }

  async #retry(backend: SoloBackend): Promise<void> {
    this.#phase = 'starting';
    try {
      this.#play(backend, await backend.restart(() => this.#recorded()));
    } catch (err) {
      this.#ctx.banner.show('error', (err as Error).message, 'error', 8000);
      this.#showSelect();
    }
  }

  #askName(backend: SoloBackend): void {
    this.#phase = 'naming';
    const store = this.#ctx.store;
    let initial: string;
    try {
      initial = store?.getItem(LAST_NAME_KEY) ?? '';
    } catch {
      initial = '';
    }
    const entry = nameEntry({
      initial,
      onCancel: () =>
        this.#gameOver(
          backend,
          this.#driver?.sim.game.score ?? 0,
          this.#driver?.sim.game.lines ?? 0,
          this.#driver?.sim.game.level ?? 0,
        ),
      onSubmit: (name) => {
        backend.submit(name).then(
          (r) => {
            try {
              store?.setItem(LAST_NAME_KEY, name);
            } catch {
              // Not remembered; harmless.
            }
            this.#ctx.banner.show(
              'submitted',
              `Saved: ${name} scored ${r.score}, rank #${r.rank} on the solo board.`,
              'info',
              10_000,
            );
            void this.#retry(backend);
          },
          (err: unknown) => entry.fail((err as Error).message),
        );
      },
    });
    this.#ctx.panel.show(entry.el);
  }
}
