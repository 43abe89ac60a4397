import { GameEvent } from '@tengen/engine';
import type { PlayerStateShape, RoomStateShape, ServerMessage } from '@tengen/protocol';
import { playEvents } from '../audio/play-events.ts';
import type { GameStart } from '../game/backend.ts';
import { DuoDriver } from '../game/duo-driver.ts';
import { SimDriver } from '../game/sim-driver.ts';
import type { Command } from '../input/input-hub.ts';
import type { OnlineSession } from '../net/online-session.ts';
import { h } from '../ui/dom.ts';
import { levelSelect, type LevelSelect } from '../ui/level-select.ts';
import { waitingPanel } from '../ui/duo-panels.ts';
import { matchSummary } from '../view/match-summary.ts';
import { showWatching } from '../ui/watching-badge.ts';
import { opponentStatus } from '../view/opponent-status.ts';
import { idleFrame } from '../view/remote-frame.ts';
import type { AppContext } from './context.ts';
import { DuoAfterGame } from './duo-after-game.ts';
import { MatchNotices } from './match-notices.ts';
import { showSessionNotice } from './notices.ts';
import { inviteLink } from './router.ts';
import { loadTop } from './top-score.ts';

type Phase = 'waiting' | 'choosing' | 'ready' | 'playing' | 'over';

/**
 * One duo room from "waiting for a player" to the end: level choice with the opponent's cursor live,
 * both games side by side (same pieces), shared pause, top-out notices, the result and the series,
 * submit to the duo board, rematch when both ask. `onExit` returns to the lobby (with a message when
 * something went wrong).
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
  readonly #notices: MatchNotices;
  #after: DuoAfterGame | null = null;
  #closed = false;
  /** Seated again after a reload: rebuild the screen (and the game) from the server's state. */
  #resumePending: boolean;
  /** A `start` is awaited (kept when the seat beside us empties and fills again). */
  #awaitingStart = false;

  constructor(
    ctx: AppContext,
    session: OnlineSession,
    onExit: (message: string | null) => void,
    opts: { resumed?: boolean } = {},
  ) {
    this.#resumePending = opts.resumed ?? false;
    this.#ctx = ctx;
    this.#s = session;
    this.#onExit = onExit;
    this.#notices = new MatchNotices(ctx.banner);
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
    this.#after?.dispose();
    this.#s.dispose();
  }

  onCommand(c: Command): void {
    if (c === 'select' && this.#phase === 'choosing') return void this.#ready(this.#level);
    const local = this.#driver.local;
    if (this.#phase !== 'playing' || local === null) return;
    const paused = this.#state()?.paused ?? local.paused;
    if (c === 'hidden' ? !paused : c === 'pause' || (c === 'select' && local.paused)) {
      const on = !paused;
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
    if (this.#resumePending && me) {
      this.#resumePending = false;
      if (me.phase === 'playing' || me.phase === 'over') return void this.#resumeGame();
    }
    if (st.phase === 'waiting') return this.#showWaiting(st);
    // Only on the way in: after "ready" our own entry says 'choosing' until the server's patch.
    if (
      (me?.phase === 'choosing' || me?.phase === 'ready') &&
      (this.#phase === null || this.#phase === 'waiting')
    ) {
      this.#showSelect(me.phase === 'choosing');
      if (me.phase === 'ready') void this.#ready(me.selectedLevel, false);
    }
    this.#select?.setOpponent(
      opp?.phase === 'choosing' || opp?.phase === 'ready' ? opp.selectedLevel : null,
      opp?.phase === 'ready',
    );
    const local = this.#driver.local;
    if (local !== null && !local.sim.game.topOut && local.paused !== st.paused)
      local.setPaused(st.paused);
    this.#opponentNotices(opp);
    const playing = this.#phase === 'playing';
    this.#notices.update(st, this.#s.link.sessionId, me, opp, playing, local?.sim.game.score ?? 0);
    this.#after?.refresh();
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
        if (this.#phase === 'playing') {
          this.#ctx.banner.show(
            'opponent',
            'Your opponent left. Finish your game; you can still submit it.',
            'warning',
          );
        } else if (this.#phase === 'over') {
          this.#ctx.banner.show('opponent', 'Your opponent left the room.', 'warning', 8000);
        } else {
          // The seat is free again: the room (and its code) waits for another player.
          this.#ctx.banner.show(
            'opponent',
            'Your opponent left. Waiting for another player…',
            'info',
            8000,
          );
        }
        return;
      case 'error':
        this.#after?.refused(m.code, m.message); // e.g. a rematch after the opponent left
        return;
      case 'roomClosed':
        this.exit(
          m.reason === 'hostClosed'
            ? 'The host closed the room.'
            : 'The host left, so the room is closed.',
        );
        return;
      default:
        return; // other messages are handled by the session and its awaiters
    }
  }

  #showWaiting(st: RoomStateShape): void {
    if (this.#phase === 'waiting') return;
    this.#phase = 'waiting';
    this.#select = null;
    const code = st.code || null;
    this.#ctx.panel.show(
      waitingPanel({
        code,
        link: code ? inviteLink(location.origin, code) : null,
        onCancel: () => this.exit(null),
        ...(this.#isHost() ? { onClose: () => this.#closeRoom() } : {}),
      }),
    );
  }

  /** True for the host of a private room (who may close it). */
  #isHost(): boolean {
    const host = this.#state()?.host;
    return !!host && host === this.#s.link.sessionId;
  }

  /** The host closes the room: the guest is told, and both are back in the lobby. */
  #closeRoom(): void {
    const code = this.#state()?.code ?? '';
    this.#s.link.send('closeRoom', {});
    this.exit(`You closed room ${code}.`);
  }

  /** After a reload mid-game: the game continues from the server's snapshot. */
  async #resumeGame(): Promise<void> {
    this.#phase = 'ready';
    try {
      this.#start(await this.#s.awaitResume(() => this.#recorded()));
    } catch (err) {
      this.exit((err as Error).message);
    }
  }

  #showSelect(sendCursor = true): void {
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
          this.#isHost()
            ? h(
                'button',
                { type: 'button', onclick: () => this.#closeRoom(), 'data-testid': 'close-room' },
                'Close room',
              )
            : h(
                'button',
                { type: 'button', onclick: () => this.exit(null), 'data-testid': 'leave-room' },
                'Leave',
              ),
        ),
      ],
    });
    this.#ctx.panel.show(this.#select.el);
    if (sendCursor) link.send('selectLevel', { level: this.#level });
  }

  /** Locks in `level` (`send`: tell the server; false when it already has us ready). */
  async #ready(level: number, send = true): Promise<void> {
    if (this.#phase !== 'choosing') return;
    this.#phase = 'ready';
    this.#level = level;
    this.#select?.setLocked(true, `Level ${level} chosen. Waiting for the other player…`);
    if (this.#awaitingStart) return; // still awaited from before the other seat emptied
    this.#awaitingStart = true;
    const started = this.#s.awaitStart(() => this.#recorded());
    if (send) {
      this.#s.link.send('selectLevel', { level });
      this.#s.link.send('ready', {});
    }
    try {
      this.#start(await started);
    } catch (err) {
      this.exit((err as Error).message);
    } finally {
      this.#awaitingStart = false;
    }
  }

  #recorded(): [number, number][] {
    return this.#driver.local?.sim.inputs() ?? [];
  }

  #start(start: GameStart): void {
    if (this.#closed) return;
    const { input, sfx } = this.#ctx;
    const local = new SimDriver({
      ...start,
      ...(start.restore ? { snapshot: start.restore.snapshot } : {}),
      name: 'YOU',
      top: loadTop(this.#ctx.store),
      human: true,
      buttons: () => input.sampleButtons(),
      onStep: (f, b) => this.#s.frame(f, b),
      onEvents: (ev, game) => {
        playEvents(sfx, ev, game);
        if (ev & GameEvent.TopOut) this.#s.flush();
        else if (ev & GameEvent.Spawn) this.#s.spawned();
      },
      onGameOver: (sim) => this.#gameOver(sim.game.score, sim.game.lines, sim.game.level),
    });
    if (this.#state()?.paused) local.setPaused(true);
    this.#driver.setLocal(local);
    this.#after = null;
    this.#phase = 'playing';
    this.#select = null;
    input.latch.clear();
    this.#ctx.panel.show(null);
    this.#ctx.setPlaying(true);
  }

  #gameOver(score: number, lines: number, level: number): void {
    this.#phase = 'over';
    this.#ctx.setPlaying(false);
    this.#after = new DuoAfterGame(
      {
        ctx: this.#ctx,
        session: this.#s,
        summary: (mine) => {
          const st = this.#state();
          return st && matchSummary(st, this.#s.link.sessionId, this.#me(), this.#opponent(), mine);
        },
        recorded: () => this.#recorded(),
        onStart: (start) => this.#start(start),
        onLeave: () => this.exit(null),
      },
      score,
      lines,
      level,
    );
  }
}
