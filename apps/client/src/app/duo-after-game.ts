import type { GameStart } from '../game/backend.ts';
import type { Runs } from '../net/input-stream.ts';
import type { OnlineSession } from '../net/online-session.ts';
import { duoOverPanel, type DuoOverPanel, type DuoOverState } from '../ui/duo-over-panel.ts';
import type { MatchSummary } from '../view/match-summary.ts';
import type { AppContext } from './context.ts';
import { askNameAndSubmit } from './score-submit.ts';

/** What the after-game flow needs from the duo screen. */
export interface AfterGameDeps {
  ctx: AppContext;
  session: OnlineSession;
  /** The room as it is now, for our finished game's `score`; null before the first state. */
  summary(score: number): MatchSummary | null;
  /** Our game's inputs so far (for re-sending after a drop). */
  recorded(): Runs;
  /** The rematch both asked for has started. */
  onStart(start: GameStart): void;
  /** The player chose Leave. */
  onLeave(): void;
}

/**
 * Duo after our top-out, until the rematch starts or we leave: the game-over panel kept in step
 * with the room (opponent, result, series, rematch wishes), the shared name entry, and one wait for
 * the rematch's `start`.
 */
export class DuoAfterGame {
  readonly #d: AfterGameDeps;
  readonly #game: { score: number; lines: number; level: number };
  readonly #state: DuoOverState;
  #panel: DuoOverPanel | null = null;
  #waiting = false;
  #done = false;

  constructor(d: AfterGameDeps, score: number, lines: number, level: number) {
    this.#d = d;
    this.#game = { score, lines, level };
    this.#state = { submitted: false, submitBlocked: d.session.submitBlocked(), asked: false };
    this.#show();
  }

  /** Our final score (the room state does not echo our own game back). */
  get score(): number {
    return this.#game.score;
  }

  /** The room state changed: refresh the panel's live lines. */
  refresh(): void {
    const s = this.#d.summary(this.#game.score);
    if (s && this.#panel) this.#panel.update(s);
  }

  /** A refusal arrived (`error`): if it answers our rematch request, say why and allow again. */
  refused(code: string, message: string): void {
    if (!this.#state.asked || code !== 'wrongPhase') return;
    this.#state.asked = false;
    this.#d.ctx.banner.show('error', `No rematch: ${message}.`, 'error', 8000);
    if (this.#panel) this.#show();
  }

  /** The screen is closing: stop touching it. */
  dispose(): void {
    this.#done = true;
  }

  #show(): void {
    if (this.#done) return;
    this.#panel = duoOverPanel({
      ...this.#game,
      state: this.#state,
      onSubmit: () => this.#askName(),
      onRematch: () => void this.#rematch(),
      onLeave: () => this.#d.onLeave(),
    });
    this.#d.ctx.panel.show(this.#panel.el);
    this.refresh();
  }

  /** Asks for a rematch; the next game starts when the opponent asks too (one wait at a time). */
  async #rematch(): Promise<void> {
    this.#state.asked = true;
    this.#show(); // without Submit: asking skips an unsubmitted score
    const started = this.#waiting ? null : this.#d.session.awaitStart(this.#d.recorded);
    this.#waiting = true;
    this.#d.session.link.send('rematch', {});
    if (started === null) return;
    try {
      const start = await started;
      if (this.#done) return;
      this.#done = true;
      this.#d.onStart(start);
    } catch (err) {
      if (this.#done) return;
      this.#state.asked = false;
      this.#d.ctx.banner.show('error', (err as Error).message, 'error', 8000);
      if (this.#panel) this.#show();
    } finally {
      this.#waiting = false;
    }
  }

  #askName(): void {
    this.#panel = null;
    askNameAndSubmit(this.#d.ctx, {
      board: 'duo',
      submit: (name, key) => this.#d.session.submit(name, key),
      onSaved: () => {
        this.#state.submitted = true;
        this.#show();
      },
      onCancel: () => this.#show(),
    });
  }
}
