import { CLOSE_CODE, type PlayerStateShape, type RoomStateShape } from '@tengen/protocol';
import { describe, expect, it } from 'vitest';
import { playerStatus } from '../testing/player-status.ts';
import { watchingText } from '../ui/watching-badge.ts';
import { watchEndMessage, watchStatus } from './watch-mode.ts';

const player = (over: Partial<PlayerStateShape>): PlayerStateShape =>
  playerStatus({ score: 0, ...over });

function room(players: PlayerStateShape[], over: Partial<RoomStateShape> = {}): RoomStateShape {
  const map = new Map(players.map((p, i) => [`p${i}`, p]));
  return {
    mode: 'duo',
    phase: 'playing',
    code: '',
    host: '',
    paused: false,
    draining: false,
    result: 'pending',
    winner: '',
    spectators: 2,
    players: { get: (id) => map.get(id), forEach: (cb) => map.forEach(cb), size: map.size },
    ...over,
  };
}

describe('watch screen words', () => {
  it('describes the room as it goes', () => {
    expect(watchStatus(room([player({ score: 10 }), player({ score: 7 })]))).toBe(
      'Score: 10 vs 7. 2 watching.',
    );
    expect(watchStatus(room([player({})], { phase: 'waiting' }))).toBe(
      'Waiting for a second player. 2 watching.',
    );
    expect(watchStatus(room([player({ phase: 'over', score: 40 }), player({ left: true })]))).toBe(
      'This game is over. Final score: 40 vs 0. 2 watching.',
    );
    expect(watchStatus(room([player({})], { paused: true }))).toMatch(/^Paused\. /);
    expect(watchStatus(room([]))).toBe('Nobody is playing in this room yet. 2 watching.');
  });

  it('explains why the watch ended', () => {
    expect(watchEndMessage('failed', CLOSE_CODE.gameEnded)).toBe(
      'The game has ended: the players have left.',
    );
    expect(watchEndMessage('serverShutdown', 4001)).toMatch(/server restarted/);
    expect(watchEndMessage('failed', 1006)).toBe('The connection to the game was lost.');
    // A watch relay that lost its connection to the game closes its watchers with 4101.
    expect(watchEndMessage('failed', CLOSE_CODE.gameUnreachable)).toBe(
      'The connection to the game was lost.',
    );
  });

  it('tells players how many watch, and nothing when nobody does', () => {
    expect(watchingText({ spectators: 3 })).toBe('3 watching');
    expect(watchingText({ spectators: 0 })).toBe('');
    expect(watchingText(null)).toBe('');
  });
});
