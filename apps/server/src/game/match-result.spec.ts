import { describe, expect, it } from 'vitest';
import { decide, seriesEntry, type Contender, type Decision } from './match-result.ts';

const seat = (id: string, state: Contender['state'], score: number): Contender => ({
  id,
  state,
  score,
});

type Expected = Decision | null;
const A = 'a';
const B = 'b';

/**
 * Every combination of the two seats' states and their score order, with the rule that applies.
 * Scores: 'lower' means A has fewer points than B, 'equal' the same, 'higher' more.
 */
const TABLE: [Contender['state'], Contender['state'], 'lower' | 'equal' | 'higher', Expected][] = [
  // Both still playing: nothing is decided, whatever the scores.
  ['playing', 'playing', 'lower', null],
  ['playing', 'playing', 'equal', null],
  ['playing', 'playing', 'higher', null],
  // A topped out, B plays on: B wins the moment it is ahead, not when level.
  ['over', 'playing', 'lower', { by: 'passed', winner: B }],
  ['over', 'playing', 'equal', null],
  ['over', 'playing', 'higher', null],
  ['playing', 'over', 'lower', null],
  ['playing', 'over', 'equal', null],
  ['playing', 'over', 'higher', { by: 'passed', winner: A }],
  // Both topped out: the higher score wins, equal scores draw.
  ['over', 'over', 'lower', { by: 'scores', winner: B }],
  ['over', 'over', 'equal', { by: 'scores', winner: null }],
  ['over', 'over', 'higher', { by: 'scores', winner: A }],
  // A player who left loses an open game, whatever the scores and the other's state.
  ['left', 'playing', 'lower', { by: 'forfeit', winner: B }],
  ['left', 'playing', 'equal', { by: 'forfeit', winner: B }],
  ['left', 'playing', 'higher', { by: 'forfeit', winner: B }],
  ['left', 'over', 'lower', { by: 'forfeit', winner: B }],
  ['left', 'over', 'equal', { by: 'forfeit', winner: B }],
  ['left', 'over', 'higher', { by: 'forfeit', winner: B }],
  ['playing', 'left', 'lower', { by: 'forfeit', winner: A }],
  ['playing', 'left', 'equal', { by: 'forfeit', winner: A }],
  ['playing', 'left', 'higher', { by: 'forfeit', winner: A }],
  ['over', 'left', 'lower', { by: 'forfeit', winner: A }],
  ['over', 'left', 'equal', { by: 'forfeit', winner: A }],
  ['over', 'left', 'higher', { by: 'forfeit', winner: A }],
  // Both gone: a draw nobody sees.
  ['left', 'left', 'lower', { by: 'forfeit', winner: null }],
  ['left', 'left', 'equal', { by: 'forfeit', winner: null }],
  ['left', 'left', 'higher', { by: 'forfeit', winner: null }],
];

const SCORES = { lower: [180_220, 231_400], equal: [99_000, 99_000], higher: [231_400, 180_220] };

describe('decide (duo result rules)', () => {
  it('covers every combination of states and score order', () => {
    const states = ['playing', 'over', 'left'] as const;
    const seen = new Set(TABLE.map(([a, b, order]) => `${a}/${b}/${order}`));
    for (const a of states)
      for (const b of states)
        for (const order of ['lower', 'equal', 'higher'])
          expect(seen).toContain(`${a}/${b}/${order}`);
    expect(TABLE).toHaveLength(27);
  });

  it.each(TABLE)('A %s, B %s, A %s: %j', (sa, sb, order, expected) => {
    const [scoreA, scoreB] = SCORES[order];
    expect(decide(seat(A, sa, scoreA!), seat(B, sb, scoreB!))).toEqual(expected);
  });

  it.each(TABLE)('does not depend on seat order (A %s, B %s, A %s)', (sa, sb, order) => {
    const [scoreA, scoreB] = SCORES[order];
    expect(decide(seat(B, sb, scoreB!), seat(A, sa, scoreA!))).toEqual(
      decide(seat(A, sa, scoreA!), seat(B, sb, scoreB!)),
    );
  });

  it('decides a survivor passing a zero score at its first point, and a level 0-0 as a draw', () => {
    expect(decide(seat(A, 'over', 0), seat(B, 'playing', 0))).toBeNull();
    expect(decide(seat(A, 'over', 0), seat(B, 'playing', 1))).toEqual({
      by: 'passed',
      winner: B,
    });
    expect(decide(seat(A, 'over', 0), seat(B, 'over', 0))).toEqual({ by: 'scores', winner: null });
  });

  it('turns a decision into each seat’s series entry', () => {
    expect(seriesEntry({ by: 'scores', winner: A }, A)).toBe('win');
    expect(seriesEntry({ by: 'scores', winner: A }, B)).toBe('loss');
    expect(seriesEntry({ by: 'passed', winner: B }, B)).toBe('win');
    expect(seriesEntry({ by: 'forfeit', winner: B }, A)).toBe('loss');
    expect(seriesEntry({ by: 'scores', winner: null }, A)).toBe('draw');
    expect(seriesEntry({ by: 'scores', winner: null }, B)).toBe('draw');
  });
});
