import { GameEvent } from '@tengen/engine';
import type { PlayerStateShape, RoomStateShape, ServerMessage } from '@tengen/protocol';
import { playEvents } from '../audio/play-events.ts';
import type { GameStart } from '../game/backend.ts';
import { DuoDriver } from '../game/duo-driver.ts';
import { SimDriver } from '../game/sim-driver.ts';
import type { Command } from '../input/input-hub.ts';
import type { OnlineSession } from '../net/online-session.ts';
import { h } from '../ui/dom.ts';
import { gameOverPanel } from '../ui/game-over-panel.ts';
import { levelSelect, type LevelSelect } from '../ui/level-select.ts';
import { LAST_NAME_KEY, nameEntry } from '../ui/name-entry.ts';
import { waitingPanel } from '../ui/duo-panels.ts';
import { showWatching } from '../ui/watching-badge.ts';
import { opponentStatus } from '../view/opponent-status.ts';
import { idleFrame } from '../view/remote-frame.ts';
import type { AppContext } from './context.ts';
import { showSessionNotice } from './notices.ts';
import { inviteLink } from './router.ts';
import { loadTop, recordTop } from './top-score.ts';

type Phase = 'waiting' | 'choosing' | 'ready' | 'playing' | 'over' | 'naming';

/**
 * One duo room from "waiting for a player" to the end: level choice with the opponent's cursor live,
 * both games side by side (same seed), shared pause, top-out and restart notices, submit to the duo
 * board. `onExit` returns to the lobby (with a message when something went wrong).
 */
export class DuoMatch {
  readonly #ctx: AppContext;
  readonly #s: OnlineSession;
  readonly #onExit: (message: string | null) => void;
  readonly #driver: DuoDriver;
  readonly #offs: (() => void)[] = [];
  #phase: Phase | null = null;
  #select: LevelSelect | null = null;
  #level = 0;
  #oppPhase: PlayerStateShape['phase'] | null = null;
  #closed = false;

  constructor(ctx: AppContext, session: OnlineSession, onExit: (message: string | null) => void) {
    this.#ctx = ctx;
    this.#s = session;
    this.#onExit = onExit;
    this.#driver = new DuoDriver({
      opponent: () => this.#opponent(),
      paused: () => this.#state()?.paused ?? false,
      idle: () =>
        idleFrame(
          this.#level,
          this.#phase === 'ready' ? 'READY' : this.#phase === 'waiting' ? 'WAITING' : 'CHOOSING',
          'YOU',
          loadTop(ctx.store),
        ),
      opponentName: () => 'RIVAL',
    });
    this.#offs.push(session.link.on('state', (st) => this.#sync(st)));
    this.#offs.push(showWatching(session.link));
    this.#offs.push(session.link.on('message', (m) => this.#onMessage(m)));
    this.#offs.push(
      session.onNotice((n) => {
        showSessionNotice(ctx.banner, n);
        if (n.kind === 'lost') this.exit(n.message);
      }),
    );
    void ctx.stage.show(this.#driver);
    const st = this.#state();
    if (st) this.#sync(st);
  }

  /** Leaves the room and returns to the lobby. */
  exit(message: string | null): void {
    if (this.#closed) return;
    this.close();
    this.#onExit(message);
  }

  /** Leaves the room (route change). */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const off of this.#offs) off();
    this.#ctx.setPlaying(false);
    this.#ctx.hud.setOpponentStatus('');
    this.#s.dispose();
  }

  onCommand(c: Command): void {
    if (c === 'select' && this.#phase === 'choosing') return void this.#ready(this.#level);
    const local = this.#driver.local;
    if (this.#phase !== 'playing' || local === null) return;
    if (c === 'pause' || (c === 'select' && local.paused)) {
      const on = !(this.#state()?.paused ?? local.paused);
      local.setPaused(on); // at once; the room state confirms for both players
      this.#s.pause(on);
    }
  }

  #state(): RoomStateShape | null {
    return this.#s.link.state;
  }

  #me(): PlayerStateShape | null {
    return this.#state()?.players?.get(this.#s.link.sessionId) ?? null;
  }

  #opponent(): PlayerStateShape | null {
    let opp: PlayerStateShape | null = null;
    this.#state()?.players?.forEach((p, id) => {
      if (id !== this.#s.link.sessionId) opp = p;
    });
    return opp;
  }

  #sync(st: RoomStateShape): void {
    if (this.#closed) return;
    const me = this.#me();
    const opp = this.#opponent();
    this.#ctx.hud.setOpponentStatus(opponentStatus(opp));
    if (st.phase === 'waiting') return this.#showWaiting(st);
    // Only on the way in: after "ready" our own entry says 'choosing' until the server's patch.
    if (me?.phase === 'choosing' && (this.#phase === null || this.#phase === 'waiting'))
      this.#showSelect();
    this.#select?.setOpponent(
      opp?.phase === 'choosing' || opp?.phase === 'ready' ? opp.selectedLevel : null,
      opp?.phase === 'ready',
    );
    const local = this.#driver.local;
    if (local !== null && !local.sim.game.topOut && local.paused !== st.paused)
      local.setPaused(st.paused);
    this.#opponentNotices(opp);
  }

  #opponentNotices(opp: PlayerStateShape | null): void {
    const prev = this.#oppPhase;
    const now = opp?.phase ?? null;
    this.#oppPhase = now;
    if (prev === now || opp === null) return;
    if (now === 'over')
      this.#ctx.banner.show(
        'opponent',
        `Your opponent topped out with ${opp.score ?? 0} points.`,
        'info',
        8000,
      );
    else if (prev === 'over' && now === 'playing')
      this.#ctx.banner.show('opponent', 'Your opponent started a new game.', 'info', 6000);
  }

  #onMessage(m: ServerMessage): void {
    switch (m.type) {
      case 'opponentDropped':
        this.#ctx.banner.show(
          'opponent',
          `Your opponent lost their connection; waiting up to ${m.seconds} s for them.`,
          'warning',
        );
        return;
      case 'opponentReconnected':
        this.#ctx.banner.show('opponent', 'Your opponent is back.', 'info', 4000);
        return;
      case 'opponentLeft':
        if (this.#phase === 'playing' || this.#phase === 'over' || this.#phase === 'naming') {
          this.#ctx.banner.show(
            'opponent',
            'Your opponent left. Finish your game; you can still submit it.',
            'warning',
          );
        } else {
          this.exit('Your opponent left before the game started.');
        }
        return;
      default:
        return; // other messages are handled by the session and its awaiters
    }
  }

  #showWaiting(st: RoomStateShape): void {
    if (this.#phase === 'waiting') return;
    this.#phase = 'waiting';
    const code = st.code || null;
    this.#ctx.panel.show(
      waitingPanel({
        code,
        link: code ? inviteLink(location.origin, code) : null,
        onCancel: () => this.exit(null),
      }),
    );
  }

  #showSelect(): void {
    this.#phase = 'choosing';
    const link = this.#s.link;
    this.#select = levelSelect({
      title: 'Duo: level select',
      initial: this.#level,
      onCursor: (lv) => {
        this.#level = lv;
        link.send('selectLevel', { level: lv });
      },
      onPick: (lv) => void this.#ready(lv),
      extra: [
        h(
          'div',
          { class: 'actions' },
          h(
            'button',
            { type: 'button', onclick: () => this.exit(null), 'data-testid': 'leave-room' },
            'Leave',
          ),
        ),
      ],
    });
    this.#ctx.panel.show(this.#select.el);
    link.send('selectLevel', { level: this.#level });
  }

  async #ready(level: number): Promise<void> {
    if (this.#phase !== 'choosing') return;
    this.#phase = 'ready';
    this.#level = level;
    this.#select?.setLocked(true, `Level ${level} chosen. Waiting for the other player…`);
    const started = this.#s.awaitStart(() => this.#recorded());
    this.#s.link.send('selectLevel', { level });
    this.#s.link.send('ready', {});
    try {
      this.#start(await started);
    } catch (err) {
      this.exit((err as Error).message);
    }
  }

  #recorded(): [number, number][] {
    return this.#driver.local?.sim.replay().inputs ?? [];
  }

  #start(start: GameStart): void {
    if (this.#closed) return;
    const { input, sfx } = this.#ctx;
    const local = new SimDriver({
      seed: start.seed,
      startLevel: start.startLevel,
      name: 'YOU',
      top: loadTop(this.#ctx.store),
      human: true,
      buttons: () => input.sampleButtons(),
      onStep: (f, b) => this.#s.frame(f, b),
      onEvents: (ev, game) => {
        playEvents(sfx, ev, game);
        if (ev & GameEvent.TopOut) this.#s.flush();
      },
      onGameOver: (sim) => this.#gameOver(sim.game.score, sim.game.lines, sim.game.level),
    });
    if (this.#state()?.paused) local.setPaused(true);
    this.#driver.setLocal(local);
    this.#phase = 'playing';
    this.#select = null;
    input.latch.clear();
    this.#ctx.panel.show(null);
    this.#ctx.setPlaying(true);
  }

  #gameOver(score: number, lines: number, level: number): void {
    this.#phase = 'over';
    recordTop(this.#ctx.store, score);
    this.#ctx.setPlaying(false);
    const opp = this.#opponent();
    this.#ctx.panel.show(
      gameOverPanel({
        score,
        lines,
        level,
        levelChange: false,
        submitBlocked: this.#s.submitBlocked(),
        extra: [h('p', { 'data-testid': 'opp-result' }, `Opponent: ${opponentStatus(opp)}.`)],
        onChoose: (c) => {
          if (c === 'retry') void this.#retry();
          else if (c === 'submit') this.#askName(score, lines, level);
          else if (c === 'menu') this.#ctx.navigate({ name: 'title' });
        },
      }),
    );
  }

  async #retry(): Promise<void> {
    const started = this.#s.awaitStart(() => this.#recorded());
    this.#s.link.send('restart', {});
    try {
      this.#start(await started);
    } catch (err) {
      this.#ctx.banner.show('error', (err as Error).message, 'error', 8000);
    }
  }

  #askName(score: number, lines: number, level: number): void {
    this.#phase = 'naming';
    let initial: string;
    try {
      initial = this.#ctx.store?.getItem(LAST_NAME_KEY) ?? '';
    } catch {
      initial = '';
    }
    const entry = nameEntry({
      initial,
      onCancel: () => this.#gameOver(score, lines, level),
      onSubmit: (name) => {
        this.#s.submit(name).then(
          (r) => {
            this.#ctx.banner.show(
              'submitted',
              `Saved: ${name} scored ${r.score}, rank #${r.rank} on the duo board.`,
              'info',
              10_000,
            );
            void this.#retry();
          },
          (err: unknown) => entry.fail((err as Error).message),
        );
      },
    });
    this.#ctx.panel.show(entry.el);
  }
}
