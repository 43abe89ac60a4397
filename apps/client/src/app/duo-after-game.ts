import type { GameStart } from '../game/backend.ts';
import type { Runs } from '../net/input-stream.ts';
import type { OnlineSession } from '../net/online-session.ts';
import { duoOverPanel, type DuoOverPanel } from '../ui/duo-over-panel.ts';
import type { MatchSummary } from '../view/match-summary.ts';
import type { AppContext } from './context.ts';
import { PostGameFlow, type PostGameChoice, type PostGameView } from './post-game.ts';
import { domPostGameUi } from './post-game-ui.ts';

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
 * Duo after our top-out, until the rematch starts or we leave: the shared post-game flow (name
 * entry, remembered name, choices) with duo's panel, kept in step with the room (opponent, result,
 * series, rematch wishes), and one wait for the rematch's `start`.
 */
export class DuoAfterGame {
  readonly #d: AfterGameDeps;
  readonly #score: number;
  readonly #flow: PostGameFlow;
  #panel: DuoOverPanel | null = null;
  /** We asked for a rematch (waiting for the opponent). */
  #asked = false;
  #waiting = false;
  #done = false;

  constructor(d: AfterGameDeps, score: number, lines: number, level: number) {
    this.#d = d;
    this.#score = score;
    this.#flow = new PostGameFlow(
      {
        store: d.ctx.store,
        ui: domPostGameUi(d.ctx, (view, choose) => this.#showPanel(view, choose)),
        screen: {
          board: 'duo',
          submitBlocked: d.session.submitBlocked(),
          submit: (name, key) => d.session.submit(name, key),
          afterSaved: 'panel',
          again: () => void this.#rematch(),
          changeLevel: null,
          leave: () => d.onLeave(),
        },
      },
      { score, lines, level },
    );
  }

  /** Our final score (the room state does not echo our own game back). */
  get score(): number {
    return this.#score;
  }

  /** The room state changed: refresh the panel's live lines. */
  refresh(): void {
    if (!this.#flow.naming) this.#update();
  }

  /** A refusal arrived (`error`): if it answers our rematch request, say why and allow again. */
  refused(code: string, message: string): void {
    if (!this.#asked || code !== 'wrongPhase') return;
    this.#asked = false;
    this.#d.ctx.banner.show('error', `No rematch: ${message}.`, 'error', 8000);
    if (!this.#flow.naming) this.#flow.show();
  }

  /** The screen is closing: stop touching it. */
  dispose(): void {
    this.#done = true;
    this.#flow.dispose();
  }

  #showPanel(view: PostGameView, choose: (c: PostGameChoice) => void): void {
    if (this.#done) return;
    this.#panel = duoOverPanel({
      ...view.result,
      state: { submitted: view.submitted, submitBlocked: view.submitBlocked, asked: this.#asked },
      onChoose: choose,
    });
    this.#d.ctx.panel.show(this.#panel.el);
    this.#update();
  }

  /** The panel's live lines from the room as it is now (the flow calls `#showPanel` while it is being built). */
  #update(): void {
    const s = this.#d.summary(this.#score);
    if (s && this.#panel) this.#panel.update(s);
  }

  /** Asks for a rematch; the next game starts when the opponent asks too (one wait at a time). */
  async #rematch(): Promise<void> {
    this.#asked = true;
    this.#flow.show(); // without Submit: asking skips an unsubmitted score
    const started = this.#waiting ? null : this.#d.session.awaitStart(this.#d.recorded);
    this.#waiting = true;
    this.#d.session.link.send('rematch', {});
    if (started === null) return;
    try {
      const start = await started;
      if (this.#done) return;
      this.dispose();
      this.#d.onStart(start);
    } catch (err) {
      if (this.#done) return;
      this.#asked = false;
      this.#d.ctx.banner.show('error', (err as Error).message, 'error', 8000);
      if (!this.#flow.naming) this.#flow.show();
    } finally {
      this.#waiting = false;
    }
  }
}
