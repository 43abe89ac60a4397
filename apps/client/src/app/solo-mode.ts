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
import { resumeSeat } from '../net/resume.ts';
import { ResumeStore, trackResume } from '../net/resume-store.ts';
import { firstState, type RoomLink } from '../net/room-link.ts';
import { h, panel } from '../ui/dom.ts';
import { gameOverPanel } from '../ui/game-over-panel.ts';
import { levelSelect } from '../ui/level-select.ts';
import { showWatching } from '../ui/watching-badge.ts';
import type { AppContext, Mode } from './context.ts';
import { showSessionNotice } from './notices.ts';
import { PostGameFlow, type PostGameChoice, type PostGameView } from './post-game.ts';
import { domPostGameUi } from './post-game-ui.ts';
import { freshSeed } from './seed.ts';
import { loadTop } from './top-score.ts';

type Phase = 'select' | 'starting' | 'playing' | 'over';

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
  /** The game-over flow of the last game, until the player leaves. */
  #after: PostGameFlow | null = null;
  #phase: Phase = 'select';
  #level = 0;
  #left = false;
  /** `/solo/ROOMID`: the room of a game to take back (a reload mid-game). */
  readonly #resumeId: string | null;
  readonly #resume: ResumeStore;

  constructor(ctx: AppContext, level: number | null, resumeId: string | null = null) {
    this.#ctx = ctx;
    this.#initialLevel = level;
    this.#resumeId = resumeId;
    this.#resume = new ResumeStore(ctx.store);
  }

  enter(): void {
    this.#ctx.setPlaying(false);
    if (this.#resumeId !== null) return void this.#enterResumed(this.#resumeId);
    this.#connect();
    if (this.#initialLevel !== null) this.#pick(this.#initialLevel);
    else this.#showSelect();
  }

  /** Loading `/solo/ROOMID`: the game goes on where the server has it, else a new room. */
  async #enterResumed(roomId: string): Promise<void> {
    this.#phase = 'starting';
    this.#ctx.showDemo();
    this.#ctx.panel.show(panel('starting', 'Resuming…', h('p', {}, 'Taking your game back.')));
    const resumed = this.#connect(roomId);
    const backend = await this.#backend!;
    if (this.#left) return;
    const link = await resumed;
    const st = link === null ? null : await firstState(link);
    const phase = link === null ? undefined : st?.players.get(link.sessionId)?.phase;
    if (this.#left) return;
    if (backend instanceof OnlineSolo && (phase === 'playing' || phase === 'over')) {
      try {
        this.#play(backend, await backend.resume(() => this.#recorded()));
        // Paused before the reload: it stays paused until the player resumes it.
        if (link?.state?.paused) this.#driver?.setPaused(true);
        return;
      } catch (err) {
        this.#ctx.banner.show('error', (err as Error).message, 'error', 8000);
      }
    } else if (link === null) {
      this.#ctx.banner.show(
        'resume',
        'That game is no longer open: start a new one.',
        'info',
        6000,
      );
    }
    this.#showSelect();
  }

  leave(): void {
    this.#left = true;
    this.#after?.dispose();
    this.#ctx.setPlaying(false);
    this.#offNotice?.();
    void this.#backend?.then((b) => b.dispose());
  }

  onCommand(c: Command): void {
    // Start on the level select picks the level under the cursor (keyboard focus elsewhere, pad Start).
    if (c === 'select' && this.#phase === 'select') return void this.#pick(this.#level);
    const d = this.#driver;
    if (this.#phase !== 'playing' || d === null) return;
    if (c === 'hidden') return void (d.paused || this.#setPaused(true));
    if (c === 'pause' || (c === 'select' && d.paused)) this.#setPaused(!d.paused);
  }

  /** Opens the solo room (taking back `resumeId`'s seat when it can); resolves the resumed link. */
  #connect(resumeId: string | null = null): Promise<RoomLink | null> {
    const offline = (reason: string): SoloBackend => new OfflineSolo(freshSeed, reason);
    let resumed: RoomLink | null = null;
    const open = async (): Promise<RoomLink> => {
      const out =
        resumeId === null ? null : await resumeSeat(this.#ctx.net, this.#resume, resumeId);
      if (out?.kind === 'resumed') return (resumed = out.link);
      if (out?.kind === 'inUse') this.#ctx.banner.show('resume', out.message, 'warning', 10_000);
      return this.#ctx.net.openSolo();
    };
    this.#backend = open().then(
      (link) => {
        trackResume(this.#resume, 'solo', link);
        if (!this.#left) this.#ctx.setUrl({ name: 'solo-game', roomId: link.roomId }, 'replace');
        return new OnlineSolo(link);
      },
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
    return this.#backend.then(() => resumed);
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
    return this.#driver?.sim.inputs() ?? [];
  }

  #play(backend: SoloBackend, start: GameStart): void {
    if (this.#left) return;
    const { input, sfx } = this.#ctx;
    this.#driver = new SimDriver({
      ...start,
      ...(start.restore ? { snapshot: start.restore.snapshot } : {}),
      top: loadTop(this.#ctx.store),
      human: true,
      buttons: () => input.sampleButtons(),
      onStep: (f, b) => backend.frame(f, b),
      onEvents: (ev, game) => {
        playEvents(sfx, ev, game);
        if (ev & GameEvent.TopOut) backend.gameOver();
        else if (ev & GameEvent.Spawn) backend.spawned();
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
    this.#ctx.setPlaying(false);
    const showPanel = (view: PostGameView, choose: (c: PostGameChoice) => void): void =>
      this.#ctx.panel.show(
        gameOverPanel({ ...view.result, submitBlocked: view.submitBlocked, onChoose: choose }),
      );
    this.#after = new PostGameFlow(
      {
        store: this.#ctx.store,
        ui: domPostGameUi(this.#ctx, showPanel),
        screen: {
          board: 'solo',
          submitBlocked: backend.submitBlocked(),
          submit: (name, key) => backend.submit(name, key),
          afterSaved: 'again',
          again: () => void this.#retry(backend),
          changeLevel: () => {
            backend.dispose();
            this.#connect();
            this.#showSelect();
          },
          leave: () => this.#ctx.navigate({ name: 'title' }),
        },
      },
      { score, lines, level },
    );
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
}
