import { describe, expect, it } from 'vitest';
import { Button, GameEvent } from './buttons.ts';
import { framesWith, gameWith, run, stepUntil, twoRowClearAt } from './test-kit.ts';

// The row copy in the vblank (render_mode_play_and_demo -> copyPlayfieldRowToVRAM, 4 rows per
// frame, vramRow) paces playState_lockTetrimino, _checkForCompletedRows and _spawnNextTetrimino.
// An O piece ($0A: rows y and y+1, columns x-1 and x) lands on a column stack at row `y`.
function oLandingAt(y: number, extra: Partial<Parameters<typeof gameWith>[0]> = {}) {
  const rows: string[] = [];
  for (let r = y + 2; r < 20; r++) rows.push('####..####'.replace('..', r === 19 ? '.#' : '#.'));
  // Columns 4,5 are filled below the piece except one cell per row, so no row is ever complete.
  const fill = rows.map((line) => line.slice(0, 4) + '##' + line.slice(6).replace(/#/, '.'));
  // vramRow 32: the row copy is idle, as it is in steady play.
  return gameWith({
    orientation: 0x0a,
    x: 5,
    y: Math.max(0, y - 3),
    startLevel: 29,
    autorepeatY: 0,
    vramRow: 32,
    rows: fill,
    ...extra,
  });
}

describe('entry delay (vramRow pacing of lock and spawn)', () => {
  // Expected by lock row: 10 in the bottom rows, +2 for every 4 rows higher, 18 at most.
  // prettier-ignore
  const TABLE: [number, number][] = [
    [18, 10], [17, 12], [14, 12], [13, 14], [10, 14], [9, 16], [6, 16], [5, 18], [2, 18], [1, 18], [0, 18],
  ];
  it.each(TABLE)(
    'a piece landing with pivot row %i spawns the next one %i frames later',
    (y, delay) => {
      const game = oLandingAt(y);
      const land = stepUntil(game, GameEvent.Land);
      expect(game.pieceY).toBe(y);
      const spawn = stepUntil(game, GameEvent.Spawn);
      expect(spawn - land).toBe(delay);
    },
  );

  it('the lock writes the piece one frame after landing when the copy is done', () => {
    const game = oLandingAt(18);
    const land = stepUntil(game, GameEvent.Land);
    expect(stepUntil(game, GameEvent.Lock)).toBe(land + 1);
  });

  it('the counter is not touched and input is ignored during entry delay', () => {
    const game = oLandingAt(18);
    stepUntil(game, GameEvent.Land);
    const log = run(game, 9, (i) => (i % 2 === 0 ? Button.Left | Button.A : 0));
    expect(framesWith(log, GameEvent.Shift | GameEvent.Rotate)).toEqual([]);
  });
});

describe('line clear delay (updateLineClearingAnimation on frameCounter % 4 == 0)', () => {
  it.each([0, 1, 2, 3])(
    'with the frame counter starting at %i the animation lasts 17..20 frames',
    (phase) => {
      const game = twoRowClearAt(phase);
      const log = run(game, 60, 0);
      const [start] = framesWith(log, GameEvent.LineClearStart);
      const steps = framesWith(log, GameEvent.ClearStep);
      const [spawn] = framesWith(log, GameEvent.Spawn);
      expect(steps).toHaveLength(5);
      expect(steps.every((f) => f % 4 === 0)).toBe(true);
      const clearFrames = steps[4]! - start! + 1;
      expect(clearFrames).toBeGreaterThanOrEqual(17);
      expect(clearFrames).toBeLessThanOrEqual(20);
      // After the animation: lines/score, B-type and garbage states, then the 5-frame row copy.
      expect(spawn! - steps[4]!).toBe(6);
      expect(framesWith(log, GameEvent.LinesCleared)).toEqual([steps[4]! + 1]);
      expect(game.lines).toBe(2);
    },
  );

  it('covers all four phases of the frame counter', () => {
    const seen = new Set<number>();
    for (let phase = 0; phase < 4; phase++) {
      const game = twoRowClearAt(phase);
      const log = run(game, 60, 0);
      const start = framesWith(log, GameEvent.LineClearStart)[0]!;
      seen.add(framesWith(log, GameEvent.ClearStep)[4]! - start + 1);
    }
    expect([...seen].sort()).toEqual([17, 18, 19, 20]);
  });
});
