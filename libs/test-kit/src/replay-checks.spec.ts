import { ENGINE_VERSION, Game, ReplayRecorder } from '@tengen/engine';
import { describe, expect, it } from 'vitest';
import { expectReplayReproduces } from './replay-checks.ts';

/** An idle level-19 game played to its top-out, and its recorded replay. */
function idleGame() {
  const game = new Game({ seed: 0x8988, startLevel: 19, version: ENGINE_VERSION });
  const recorder = new ReplayRecorder(0x8988, 19, ENGINE_VERSION);
  while (!game.topOut) {
    game.step(0);
    recorder.push(0);
  }
  return { game, replay: recorder.toReplay() };
}

describe('expectReplayReproduces', () => {
  it('passes for the replay of the game, and returns its re-run', () => {
    const { game, replay } = idleGame();
    const summary = expectReplayReproduces(replay, game);
    expect(summary.pieces.length).toBeGreaterThan(0);
  });

  it('fails when the replay ends elsewhere than the live game', () => {
    const { game, replay } = idleGame();
    const live = { score: game.score, lines: game.lines, frame: game.frame };
    expect(() => expectReplayReproduces(replay, { ...live, score: live.score + 40 })).toThrow();
    expect(() => expectReplayReproduces(replay, { ...live, frame: live.frame - 1 })).toThrow();
    const cut = { ...replay, inputs: [[10, 0] as [number, number]] };
    expect(() => expectReplayReproduces(cut, live)).toThrow();
  });
});
