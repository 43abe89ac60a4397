import type { PostGameChoice } from '../app/post-game.ts';
import type { MatchSummary } from '../view/match-summary.ts';
import { button, h, panel, setText } from './dom.ts';
import { finalResult } from './game-over-panel.ts';

/** What the player has done with the finished game so far. */
export interface DuoOverState {
  /** The score was stored. */
  submitted: boolean;
  /** Why it cannot be stored (offline, unranked), or null. */
  submitBlocked: string | null;
  /** The player asked for a rematch (waiting for the opponent). */
  asked: boolean;
}

/** The duo game-over panel: its element and a way to refresh the live lines. */
export interface DuoOverPanel {
  el: HTMLElement;
  /** New room state: the opponent, the result, the series and the rematch lines. */
  update(summary: MatchSummary): void;
}

/**
 * Duo after your top-out: your score, the opponent's state (live), the result once decided, the
 * series, and Submit / Rematch / Leave. A rematch is offered as "Skip score, rematch" while a
 * ranked game is unsubmitted: a game not stored when the rematch starts is gone, so skipping is
 * said out loud rather than done silently.
 */
export function duoOverPanel(opts: {
  score: number;
  lines: number;
  level: number;
  state: DuoOverState;
  /** Submit, Rematch (`again`) or Leave. */
  onChoose(c: PostGameChoice): void;
}): DuoOverPanel {
  const { state } = opts;
  const line = (testId: string, extra: Record<string, string> = {}) =>
    h('p', { 'data-testid': testId, ...extra }, '');
  const opponent = line('opp-result');
  const result = line('match-result', { class: 'match-result', role: 'status' });
  const series = line('series');
  const rematchStatus = line('rematch-status', { role: 'status' });
  // Once a rematch is asked for, an unsubmitted score is skipped: no Submit any more.
  const canSubmit = !state.submitted && state.submitBlocked === null && !state.asked;
  const rematch = button(
    canSubmit ? 'Skip score, rematch' : 'Rematch',
    () => {
      rematch.disabled = true;
      opts.onChoose({ kind: 'again' });
    },
    { 'data-testid': 'rematch', disabled: state.asked },
  );
  const el = panel(
    'game-over',
    'Game over',
    finalResult(opts.score, opts.lines, opts.level),
    opponent,
    result,
    series,
    rematchStatus,
    h(
      'div',
      { class: 'actions' },
      canSubmit
        ? button('Submit score', () => opts.onChoose({ kind: 'submit' }), {
            autofocus: true,
            'data-testid': 'submit',
          })
        : null,
      rematch,
      button('Leave', () => opts.onChoose({ kind: 'leave' }), { 'data-testid': 'leave-room' }),
    ),
    state.submitted ? h('p', { class: 'hint' }, 'Your score is saved.') : null,
    state.submitBlocked
      ? h('p', { class: 'hint', id: 'submit-blocked' }, state.submitBlocked)
      : null,
  );
  if (!canSubmit && !state.asked) rematch.autofocus = true;
  return {
    el,
    update(s) {
      setText(opponent, s.opponent);
      setText(result, s.result ?? 'Result: not decided yet.');
      result.dataset['outcome'] = s.outcome ?? 'pending';
      setText(series, s.series);
      setText(rematchStatus, s.rematch ?? '');
      rematch.disabled = state.asked || !s.canRematch;
    },
  };
}
