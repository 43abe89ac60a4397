import { decide, seriesEntry, type Contender, type Decision } from './match-result.ts';
import { setResult, type GameRoomState, type PlayerState } from './room-state.ts';

function contender(id: string, p: PlayerState): Contender | null {
  if (p.left) return { id, state: 'left', score: p.score };
  if (p.phase === 'over') return { id, state: 'over', score: p.score };
  if (p.phase === 'playing') return { id, state: 'playing', score: p.score };
  return null;
}

/** Set by `noteEnded`: a callback that captures nothing, so the check after each batch allocates nothing. */
let someSeatEnded = false;
const noteEnded = (p: PlayerState): void => {
  if (p.left || p.phase === 'over') someSeatEnded = true;
};

/**
 * Applies the result rules (`decide`) to a duo room's state after a change: when the current game
 * becomes decided, writes `result`/`winner` and adds it to both seats' series. Returns the decision
 * made by this call, or null (still undecided, already decided, or not a two-seat game).
 */
export function settleResult(state: GameRoomState): Decision | null {
  if (state.mode !== 'duo' || state.phase !== 'playing' || state.result !== 'pending') return null;
  // Called after every input batch: while both seats play on there is nothing to decide.
  someSeatEnded = false;
  state.players.forEach(noteEnded);
  if (!someSeatEnded) return null;
  const seats: Contender[] = [];
  state.players.forEach((p, id) => {
    const c = contender(id, p);
    if (c) seats.push(c);
  });
  const [a, b] = seats;
  if (seats.length !== 2 || !a || !b) return null;
  const decision = decide(a, b);
  if (!decision) return null;
  setResult(state, decision.by, decision.winner ?? '');
  for (const c of seats) {
    const p = state.players.get(c.id)!;
    const entry = seriesEntry(decision, c.id);
    if (entry === 'win') p.wins += 1;
    else if (entry === 'loss') p.losses += 1;
    else p.draws += 1;
  }
  return decision;
}

/** Why `id` may not ask for a rematch now (a sentence for the player), or null when it may. */
export function rematchRefusal(state: GameRoomState, id: string): string | null {
  if (state.mode !== 'duo') return 'a rematch is for duo rooms: use try again';
  const me = state.players.get(id);
  if (!me || me.phase !== 'over') return 'you can ask for a rematch once your game is over';
  let opponent: PlayerState | undefined;
  state.players.forEach((p, other) => {
    if (other !== id) opponent = p;
  });
  if (!opponent || opponent.left) return 'your opponent left: there is nobody to play again';
  return null;
}

/** True when both seats asked for a rematch (both games are then over): start the next game. */
export function rematchAgreed(state: GameRoomState): boolean {
  let wanted = 0;
  state.players.forEach((p) => {
    if (p.rematch && !p.left && p.phase === 'over') wanted++;
  });
  return state.mode === 'duo' && wanted === 2;
}
