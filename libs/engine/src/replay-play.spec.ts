import { describe, expect, it } from 'vitest';
import { Button, GameEvent } from './buttons.ts';
import { Game } from './game.ts';
import { playReplayInputs, replayGame } from './replay-play.ts';
import { ReplayRecorder } from './replay-recorder.ts';

/** A game held down at level 19 until it tops out, recorded as it is played. */
function playedToTopOut(): { recorder: ReplayRecorder; events: number[] } {
  const game = new Game({ seed: 0x4444, startLevel: 19 });
  const recorder = new ReplayRecorder(0x4444, 19);
  const events: number[] = [];
  while (!game.topOut) {
    recorder.push(Button.Down);
    events.push(game.step(Button.Down));
  }
  return { recorder, events };
}

describe('playReplayInputs', () => {
  it("reports the watched frames' events as the game played them", () => {
    const { recorder, events } = playedToTopOut();
    const replay = recorder.toReplay();
    const game = replayGame(replay);
    const seen: number[] = [];
    playReplayInputs(game, replay, GameEvent.Spawn, (ev) => seen.push(ev));
    const spawns = events.filter((ev) => (ev & GameEvent.Spawn) !== 0);
    expect(spawns.length).toBeGreaterThan(5);
    expect(seen).toEqual(spawns);
    expect(game.frame).toBe(events.length);
  });

  it('stops at the top-out frame and ignores the inputs after it', () => {
    const { recorder, events } = playedToTopOut();
    for (let f = 0; f < 600; f++) recorder.push(Button.Left);
    const replay = recorder.toReplay();
    const game = replayGame(replay);
    const seen: number[] = [];
    playReplayInputs(game, replay, GameEvent.TopOut, (ev) => seen.push(ev));
    expect(seen).toEqual([events.at(-1)]);
    expect(game.topOut).toBe(true);
    expect(game.frame).toBe(events.length);
  });

  it("starts from the replay's seed, start level and rules version", () => {
    const game = replayGame({ version: 2, seed: '4444', startLevel: 19, inputs: [] });
    expect([game.seed, game.startLevel, game.level, game.version, game.frame]).toEqual([
      0x4444, 19, 19, 2, 0,
    ]);
  });
});
