import type { PlayerStateShape, RoomStateShape } from '@tengen/protocol';
import { opponentStatus } from './opponent-status.ts';

/** The parts of the room state the duo game-over panel reads. */
export type SummaryRoom = Pick<RoomStateShape, 'result' | 'winner'>;
/** The parts of a player entry the summary reads. */
export type SummaryPlayer = Pick<
  PlayerStateShape,
  | 'left'
  | 'connected'
  | 'phase'
  | 'selectedLevel'
  | 'score'
  | 'rematch'
  | 'wins'
  | 'losses'
  | 'draws'
>;

/** What the duo game-over panel shows, as plain sentences (a pure function of the room state). */
export interface MatchSummary {
  /** "Opponent: playing." / "Opponent: topped out with 180,220." / "Opponent: left the game." */
  opponent: string;
  /** "You win 231,400 to 180,220", "Draw at 99,000", "You lose ..."; null while undecided. */
  result: string | null;
  /** "win" | "loss" | "draw" once decided (for styling), else null. */
  outcome: 'win' | 'loss' | 'draw' | null;
  /** "Series: you 2 - 1 rival" (draws added when there are some). */
  series: string;
  /** The rematch situation in words, or null when nobody asked yet. */
  rematch: string | null;
  /** Whether asking for a rematch can work now (the opponent is still in the room). */
  canRematch: boolean;
}

/** 231400 -> "231,400" (the same in every locale, as the game's own text is English). */
export const points = (n: number): string => n.toLocaleString('en-US');

/**
 * The duo game-over panel's content for the player `myScore` belongs to. The player's own score
 * comes from their local game (the server does not echo it back); the opponent's from the state.
 */
export function matchSummary(
  room: SummaryRoom,
  myId: string,
  me: SummaryPlayer | null,
  opp: SummaryPlayer | null,
  myScore: number,
): MatchSummary {
  const theirs = opp?.score ?? 0;
  let result: string | null = null;
  let outcome: MatchSummary['outcome'] = null;
  if ((room.result ?? 'pending') !== 'pending') {
    outcome = room.winner === '' ? 'draw' : room.winner === myId ? 'win' : 'loss';
    if (room.result === 'forfeit')
      result = outcome === 'win' ? 'You win: your opponent left' : 'You lose: you left';
    else if (outcome === 'draw') result = `Draw at ${points(myScore)}`;
    else if (outcome === 'win') result = `You win ${points(myScore)} to ${points(theirs)}`;
    else result = `You lose ${points(myScore)} to ${points(theirs)}`;
  }
  const wins = me?.wins ?? 0;
  const losses = me?.losses ?? 0;
  const draws = me?.draws ?? 0;
  const series =
    `Series: you ${wins} - ${losses} rival` +
    (draws > 0 ? ` (${draws} ${draws === 1 ? 'draw' : 'draws'})` : '');
  const canRematch = opp !== null && !opp.left;
  let rematch: string | null = null;
  if (opp?.left) rematch = 'Your opponent left the room: no rematch.';
  else if (me?.rematch) rematch = 'Waiting for your opponent…';
  else if (opp?.rematch) rematch = 'Your opponent wants a rematch.';
  const status = opponentStatus(opp);
  const oppLine =
    opp?.phase === 'over' && !opp.left && opp.connected
      ? `topped out with ${points(theirs)}`
      : status;
  return { opponent: `Opponent: ${oppLine}.`, result, outcome, series, rematch, canRematch };
}
