import { describe, expect, it } from 'vitest';
import { GameEvent } from '@tengen/engine';
import { SOUNDS, soundsFor } from './sound-map.ts';

describe('soundsFor', () => {
  it('maps single events', () => {
    expect(soundsFor(GameEvent.Shift, 0)).toEqual(['shift']);
    expect(soundsFor(GameEvent.Rotate, 0)).toEqual(['rotate']);
    expect(soundsFor(GameEvent.Lock, 0)).toEqual(['lock']);
    expect(soundsFor(GameEvent.LinesCleared, 2)).toEqual(['line']);
    expect(soundsFor(GameEvent.LinesCleared, 4)).toEqual(['tetris']);
    expect(soundsFor(GameEvent.Spawn | GameEvent.Fall, 0)).toEqual([]);
  });

  it('lets the bigger effect win', () => {
    expect(soundsFor(GameEvent.TopOut | GameEvent.Lock | GameEvent.Shift, 0)).toEqual(['topOut']);
    expect(soundsFor(GameEvent.LinesCleared | GameEvent.LevelUp | GameEvent.Lock, 1)).toEqual([
      'line',
      'levelUp',
    ]);
    expect(soundsFor(GameEvent.Shift | GameEvent.Rotate, 0)).toEqual(['rotate']);
  });

  it('every sound has notes with sane envelopes', () => {
    for (const notes of Object.values(SOUNDS)) {
      expect(notes.length).toBeGreaterThan(0);
      for (const n of notes) {
        expect(n.dur).toBeGreaterThan(0);
        expect(n.gain).toBeLessThanOrEqual(0.3);
      }
    }
  });
});
