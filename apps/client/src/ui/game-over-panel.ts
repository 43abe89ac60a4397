import type { PostGameChoice } from '../app/post-game.ts';
import { button, h, panel } from './dom.ts';

/** The game-over menu: TRY AGAIN and SUBMIT AND TRY AGAIN as on the original, plus level and menu. */
export function gameOverPanel(opts: {
  score: number;
  lines: number;
  level: number;
  /** Why submitting is impossible (offline, unranked), or null when it is possible. */
  submitBlocked: string | null;
  /** Extra lines (the opponent's result in duo). */
  extra?: HTMLElement[];
  /** Offer "Change level" (solo only: a duo room keeps its level). */
  levelChange?: boolean;
  onChoose(c: PostGameChoice): void;
}): HTMLElement {
  const pick = (c: PostGameChoice) => (): void => opts.onChoose(c);
  return panel(
    'game-over',
    'Game over',
    finalResult(opts.score, opts.lines, opts.level),
    ...(opts.extra ?? []),
    h(
      'div',
      { class: 'actions' },
      button('Try again', pick({ kind: 'again' }), { autofocus: true, 'data-testid': 'retry' }),
      button('Submit and try again', pick({ kind: 'submit' }), {
        'data-testid': 'submit',
        disabled: opts.submitBlocked !== null,
        'aria-describedby': opts.submitBlocked ? 'submit-blocked' : undefined,
      }),
      opts.levelChange === false
        ? null
        : button('Change level', pick({ kind: 'level' }), { 'data-testid': 'change-level' }),
      button('Menu', pick({ kind: 'leave' }), { 'data-testid': 'to-menu' }),
    ),
    opts.submitBlocked ? h('p', { class: 'hint', id: 'submit-blocked' }, opts.submitBlocked) : null,
  );
}

/** "Score 1234 · lines 12 · level 9", the first line of every game-over panel. */
export function finalResult(score: number, lines: number, level: number): HTMLElement {
  return h(
    'p',
    { class: 'result', 'data-testid': 'final-result' },
    'Score ',
    h('strong', { 'data-testid': 'final-score' }, String(score)),
    ` · lines ${lines} · level ${level}`,
  );
}
