import type { MatchDecision } from '@tengen/protocol';

/** One seat of a duo game as the result rules see it. */
export interface Contender {
  id: string;
  /** 'left' once the player left for good (consented leave, or the reconnection window expired). */
  state: 'playing' | 'over' | 'left';
  /** The score the server has verified so far (final once `over`). */
  score: number;
}

/** A decided game: how, and who won (`null` for a draw). */
export interface Decision {
  by: Exclude<MatchDecision, 'pending'>;
  winner: string | null;
}

/**
 * The duo result rules, applied after every change to either seat (a batch of inputs, a top-out,
 * a departure) while the game is undecided; `null` means play on. In order:
 * - a player who left for good loses (both gone: a draw, nobody is there to care);
 * - both topped out: the higher score wins, equal scores draw;
 * - one topped out and the survivor's score is already higher: the survivor wins at once and
 *   plays on (that game still counts and can be submitted);
 * - otherwise undecided (the survivor may still pass, or top out below or level).
 */
export function decide(a: Contender, b: Contender): Decision | null {
  if (a.state === 'left' || b.state === 'left') {
    if (a.state === b.state) return { by: 'forfeit', winner: null };
    return { by: 'forfeit', winner: a.state === 'left' ? b.id : a.id };
  }
  if (a.state === 'over' && b.state === 'over') {
    if (a.score === b.score) return { by: 'scores', winner: null };
    return { by: 'scores', winner: a.score > b.score ? a.id : b.id };
  }
  if (a.state === 'over' && b.score > a.score) return { by: 'passed', winner: b.id };
  if (b.state === 'over' && a.score > b.score) return { by: 'passed', winner: a.id };
  return null;
}

/** What one decided game adds to a seat's series. */
export type SeriesEntry = 'win' | 'loss' | 'draw';

/** The series entry a decision gives the seat `id`. */
export function seriesEntry(decision: Decision, id: string): SeriesEntry {
  if (decision.winner === null) return 'draw';
  return decision.winner === id ? 'win' : 'loss';
}
