import { describe, expect, it } from 'vitest';
import { hudTitles } from './hud-titles.ts';

describe('hudTitles', () => {
  it('says You only to the player', () => {
    expect(hudTitles('play', ['ALICE', 'BOB'])).toEqual(['You', 'Opponent']);
    expect(hudTitles('demo', ['DEMO'])[0]).toBe('Demo');
    expect(hudTitles('replay', ['alice'])[0]).toBe('alice');
    expect(hudTitles('replay', [''])[0]).toBe('Replay');
    expect(hudTitles('watch', ['alice', ' '])).toEqual(['alice', 'Player 2']);
  });
});
