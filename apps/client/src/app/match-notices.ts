import type { MatchDecision, PlayerStateShape, RoomStateShape } from '@tengen/protocol';
import type { Banner } from '../ui/banner.ts';
import { matchSummary } from '../view/match-summary.ts';

/**
 * Duo banners for a player still in their game (the game-over panel shows the same once they are
 * done): the result when it is decided (they passed a topped-out opponent, or the opponent left),
 * and the opponent's wish for a rematch. Each is shown once, on the change.
 */
export class MatchNotices {
  readonly #banner: Banner;
  #result: MatchDecision = 'pending';
  #oppRematch = false;

  constructor(banner: Banner) {
    this.#banner = banner;
  }

  /** A new room state; `playing` is whether our own game runs, `score` its score. */
  update(
    st: RoomStateShape,
    myId: string,
    me: PlayerStateShape | null,
    opp: PlayerStateShape | null,
    playing: boolean,
    score: number,
  ): void {
    const wants = opp?.rematch === true;
    if (wants && !this.#oppRematch && playing)
      this.#banner.show(
        'rematch',
        'Your opponent wants a rematch after your game.',
        'info',
        10_000,
      );
    this.#oppRematch = wants;
    const prev = this.#result;
    this.#result = st.result ?? 'pending';
    if (prev !== 'pending' || this.#result === 'pending' || !playing) return;
    const text = matchSummary(st, myId, me, opp, score).result;
    if (text)
      this.#banner.show('result', `${text}. Play on: your score still counts.`, 'info', 8000);
  }
}
