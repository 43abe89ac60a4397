import { describe, expect, it } from 'vitest';
import { announcement, type AnnounceState } from './announce.ts';
import type { WellOverlay } from './player-frame.ts';

const frame = (lines: number, level: number, score = 0, overlay: WellOverlay = null) => ({
  lines,
  level,
  score,
  overlay,
});
const at = (lines: number, level: number, over = false): AnnounceState => ({ lines, level, over });

describe('announcement', () => {
  it('says nothing on the first frame, while nothing changes, or when the score moves', () => {
    expect(announcement(null, frame(0, 0), 'play').text).toBeNull();
    expect(announcement(at(3, 0), frame(3, 0, 480), 'play').text).toBeNull();
  });

  it('speaks line clears, level-ups and the end of a game', () => {
    expect(announcement(at(0, 0), frame(1, 0), 'play').text).toBe('Single. Lines 1.');
    expect(announcement(at(6, 0), frame(10, 1), 'play').text).toBe('Tetris. Lines 10. Level 1.');
    expect(announcement(at(10, 1), frame(10, 1, 1200, 'GAME OVER'), 'play').text).toBe(
      'Game over. Score 1200.',
    );
    expect(announcement(at(10, 1, true), frame(10, 1, 1200, 'GAME OVER'), 'play').text).toBeNull();
    expect(announcement(at(2, 5), frame(4, 5), 'replay').text).toBe('Double. Lines 4.');
  });

  it('stays quiet during the title demo, whatever happens', () => {
    expect(announcement(at(6, 0), frame(10, 1, 0, 'GAME OVER'), 'demo').text).toBeNull();
  });

  it('takes fewer lines for a new game and resets without a word', () => {
    const r = announcement(at(30, 3, true), frame(0, 3), 'play');
    expect(r.text).toBeNull();
    expect(r.state).toEqual(at(0, 3));
  });
});
