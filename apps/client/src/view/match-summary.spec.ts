import { describe, expect, it } from 'vitest';
import { matchSummary, points, type SummaryPlayer } from './match-summary.ts';

const player = (over: Partial<SummaryPlayer> = {}): SummaryPlayer => ({
  left: false,
  connected: true,
  phase: 'over',
  selectedLevel: 9,
  score: 0,
  rematch: false,
  wins: 0,
  losses: 0,
  draws: 0,
  ...over,
});
const pending = { result: 'pending', winner: '' } as const;

describe('matchSummary', () => {
  it('shows the opponent at all times: playing, topped out with a score, reconnecting, left', () => {
    const s = (opp: SummaryPlayer) => matchSummary(pending, 'me', player(), opp, 0).opponent;
    expect(s(player({ phase: 'playing', score: 1_000 }))).toBe('Opponent: playing.');
    expect(s(player({ score: 180_220 }))).toBe('Opponent: topped out with 180,220.');
    expect(s(player({ connected: false }))).toBe('Opponent: reconnecting.');
    expect(s(player({ left: true, connected: false }))).toBe('Opponent: left the game.');
  });

  it('states no result while undecided', () => {
    const s = matchSummary(pending, 'me', player(), player({ phase: 'playing' }), 500);
    expect(s).toMatchObject({ result: null, outcome: null, rematch: null, canRematch: true });
  });

  it('states a win, a loss and a draw with both scores', () => {
    const opp = player({ score: 180_220 });
    expect(
      matchSummary({ result: 'scores', winner: 'me' }, 'me', player(), opp, 231_400),
    ).toMatchObject({ result: 'You win 231,400 to 180,220', outcome: 'win' });
    expect(
      matchSummary({ result: 'passed', winner: 'them' }, 'me', player(), opp, 99_000),
    ).toMatchObject({ result: 'You lose 99,000 to 180,220', outcome: 'loss' });
    expect(
      matchSummary({ result: 'scores', winner: '' }, 'me', player(), opp, 180_220),
    ).toMatchObject({ result: 'Draw at 180,220', outcome: 'draw' });
    expect(
      matchSummary({ result: 'forfeit', winner: 'me' }, 'me', player(), player({ left: true }), 10),
    ).toMatchObject({ result: 'You win: your opponent left', outcome: 'win' });
  });

  it('counts the series from this seat', () => {
    const me = player({ wins: 2, losses: 1 });
    expect(matchSummary(pending, 'me', me, player(), 0).series).toBe('Series: you 2 - 1 rival');
    expect(matchSummary(pending, 'me', { ...me, draws: 1 }, player(), 0).series).toBe(
      'Series: you 2 - 1 rival (1 draw)',
    );
    expect(matchSummary(pending, 'me', { ...me, draws: 3 }, player(), 0).series).toBe(
      'Series: you 2 - 1 rival (3 draws)',
    );
  });

  it('says who wants a rematch, and that none is possible once the opponent left', () => {
    const s = (me: SummaryPlayer, opp: SummaryPlayer) => matchSummary(pending, 'me', me, opp, 0);
    expect(s(player({ rematch: true }), player()).rematch).toBe('Waiting for your opponent…');
    expect(s(player(), player({ rematch: true })).rematch).toBe('Your opponent wants a rematch.');
    expect(s(player({ rematch: true }), player({ rematch: true, left: true }))).toMatchObject({
      rematch: 'Your opponent left the room: no rematch.',
      canRematch: false,
    });
  });

  it('formats points with thousands separators', () => {
    expect(points(0)).toBe('0');
    expect(points(1_234_567)).toBe('1,234,567');
  });
});
