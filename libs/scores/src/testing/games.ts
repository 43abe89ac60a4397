// Test support: a plain verified game to save (solo, start level 0, seed 1).
import type { NewGame } from '../score-store.ts';

/** A game by `name` scoring `score`; `extra` overrides any field (an id, a key hash, a mode). */
export function testGame(name: string, score: number, extra: Partial<NewGame> = {}): NewGame {
  return {
    mode: 'solo',
    name,
    score,
    lines: 1,
    level: 0,
    startLevel: 0,
    frames: 100,
    seed: 1,
    replayJson: JSON.stringify({ version: 1, seed: '0001', startLevel: 0, inputs: [[100, 0]] }),
    engineVersion: 1,
    ...extra,
  };
}
