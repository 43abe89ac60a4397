import { describe, expect, it } from 'vitest';
import { Button } from './buttons.ts';
import { loadGoldenFixtures } from './fixtures/load-fixtures.ts';
import { Game } from './game.ts';
import { PIECE_TYPES } from './pieces.ts';
import { parseReplay } from './replay-parse.ts';
import { ReplayRecorder } from './replay-recorder.ts';
import { runReplay } from './replay-run.ts';
import { replayStats } from './replay-stats.ts';
import { gameStats, statEventsOf, type StatEvent } from './stats.ts';

const FPS = 60.0988;

/** The longest run of non-I pieces in a piece string ("TJZI..."), the trailing run included. */
function longestRunWithoutI(pieces: string): number {
  return Math.max(...pieces.split('I').map((run) => run.length));
}

describe('replayStats over the golden games', () => {
  const fixtures = loadGoldenFixtures();

  it('has golden games to check', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(8);
  });

  for (const f of fixtures) {
    it(`agrees with runReplay on ${f.name}: pieces, lines, droughts and pieces per minute`, () => {
      const replay = parseReplay(f.replay);
      const summary = runReplay(replay);
      const s = replayStats(replay, FPS);
      expect(s.totalPieces).toBe(summary.pieces.length);
      PIECE_TYPES.forEach((t, i) =>
        expect(s.pieces[i]).toBe([...summary.pieces].filter((p) => p === t).length),
      );
      expect(s.lines).toBe(summary.lines);
      expect(s.tetrisLines + s.burns).toBe(summary.lines);
      expect(s.longestDrought).toBe(longestRunWithoutI(summary.pieces));
      expect(s.piecesPerMinute).toBeCloseTo((summary.pieces.length * FPS * 60) / summary.frames, 9);
    });
  }
});

describe('replayStats of a recorded game', () => {
  it('equals the statistics folded frame by frame while the game was played', () => {
    const game = new Game({ seed: 0x2222, startLevel: 9 });
    const recorder = new ReplayRecorder(0x2222, 9);
    const events: StatEvent[] = [{ kind: 'spawn', piece: game.pieceTypeIndex }];
    for (let f = 0; f < 30_000 && !game.topOut; f++) {
      const b = f % 7 === 0 ? Button.Left : f % 11 === 0 ? Button.A : Button.Down;
      recorder.push(b);
      events.push(...statEventsOf(game.step(b), game));
    }
    const played = gameStats(events, game.frame, FPS);
    expect(replayStats(recorder.toReplay(), FPS)).toEqual(played);
    expect(played.totalPieces).toBeGreaterThan(10);
  });

  it('ignores inputs after the top-out, as the score does', () => {
    const game = new Game({ seed: 0x4444, startLevel: 19 });
    const recorder = new ReplayRecorder(0x4444, 19);
    while (!game.topOut) {
      recorder.push(Button.Down);
      game.step(Button.Down);
    }
    const atTopOut = replayStats(recorder.toReplay(), FPS);
    for (let f = 0; f < 600; f++) recorder.push(Button.Left);
    expect(replayStats(recorder.toReplay(), FPS)).toEqual(atTopOut);
  });
});
