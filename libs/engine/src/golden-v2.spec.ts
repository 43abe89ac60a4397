import { describe, expect, it } from 'vitest';
import { loadGoldenFixtures } from './fixtures/load-fixtures.ts';
import { Game } from './game.ts';
import { PlayState } from './play-state.ts';
import { parseReplay } from './replay-parse.ts';
import { runReplay } from './replay-run.ts';
import type { GameSnapshot } from './snapshot.ts';

// The version-2 golden games, checked frame by frame against the ROM's rule rather than against
// themselves: frame n runs no gameplay pass exactly when frame n-1 ran one with the held buttons
// exactly Down+Left+Right ($07, gameModeState_checkForResetKeyCombo then the main loop's NMI wait).
// A frame that runs must equal version 1's frame from the same position (version 1 is the ROM
// model every other fixture checks); a lost frame may change only what the NMI does.
const DLR = 7;
const v2Fixtures = loadGoldenFixtures().filter((f) => (f.replay as Replay).version === 2);
type Replay = ReturnType<typeof parseReplay>;

/** The NMI alone (render_mode_play_and_demo, pollControllerButtons, the frame counter). */
function nmiOnly(before: GameSnapshot, buttons: number): GameSnapshot {
  const after = { ...before, held: buttons, frame: before.frame + 1, lagFrame: false };
  if (before.playState === PlayState.LineClear) {
    if ((before.frame & 3) === 0) {
      after.rowY = before.rowY + 1;
      if (after.rowY >= 5) after.playState = PlayState.UpdateLines;
    }
    after.vramRow = 0;
  } else if (before.vramRow < 20) {
    after.vramRow = before.vramRow + 4 >= 20 ? 32 : before.vramRow + 4;
  }
  return after;
}

/** A version-1 game at the same position (the lag flag is all version 1 lacks). */
function asV1(snap: GameSnapshot): Game {
  const { lagFrame: _lag, ...rest } = snap;
  return Game.restore({ ...rest, engineVersion: 1 });
}

/** Version 1's snapshot as version 2 has it after a frame run with `buttons`. */
function asV2(v1: GameSnapshot, buttons: number): GameSnapshot {
  return { ...v1, engineVersion: 2, lagFrame: buttons === DLR };
}

describe('version-2 golden games hold Down+Left+Right and follow the ROM rule frame by frame', () => {
  it('there are v2 fixtures, at several levels', () => {
    expect(v2Fixtures.length).toBeGreaterThanOrEqual(3);
  });

  it.each(v2Fixtures.map((f) => [f.name, f] as const))(
    '%s',
    (_name, fixture) => {
      const replay = parseReplay(fixture.replay);
      const game = new Game({
        seed: parseInt(replay.seed, 16),
        startLevel: replay.startLevel,
        version: 2,
      });
      let prevRan = false;
      let prevButtons = -1;
      const lostIn = new Map<string, number>();
      let swallowed = 0;
      let before = game.snapshot();
      let shadow: Game | null = null;
      outer: for (const [count, buttons] of replay.inputs) {
        for (let i = 0; i < count; i++) {
          const lost: boolean = prevRan && prevButtons === DLR;
          if (before.lagFrame !== lost)
            expect([before.frame, before.lagFrame]).toEqual([before.frame, lost]);
          const events = game.step(buttons);
          const after = game.snapshot();
          if (lost) {
            const want = nmiOnly(before, buttons);
            // Compared as text for speed; a difference is reported field by field.
            if (JSON.stringify(after) !== JSON.stringify(want)) expect(after).toEqual(want);
            lostIn.set(game.playState, (lostIn.get(game.playState) ?? 0) + 1);
            if ((buttons & ~before.held) !== 0) swallowed++;
            shadow = null;
          } else {
            // Version 1 stepped alongside, re-placed at version 2's position after each lost frame.
            shadow ??= asV1(before);
            const wantEvents = shadow.step(buttons);
            const want = asV2(shadow.snapshot(), buttons);
            if (JSON.stringify(after) !== JSON.stringify(want)) expect(after).toEqual(want);
            if (events !== wantEvents)
              expect([before.frame, events]).toEqual([before.frame, wantEvents]);
          }
          before = after;
          prevRan = !lost;
          prevButtons = buttons;
          if (game.topOut) break outer;
        }
      }
      expect({ ...runReplay(replay) }).toEqual(fixture.summary);
      // The games lose frames while a piece is controlled and between pieces, and lose presses.
      expect(lostIn.get('control') ?? 0).toBeGreaterThan(50);
      expect([...lostIn.keys()].filter((k) => k !== 'control').length).toBeGreaterThan(0);
      expect(swallowed).toBeGreaterThan(0);
      // Under version 1 the same inputs give another game: the lost frames matter.
      expect(runReplay({ ...replay, version: 1 })).not.toEqual(fixture.summary);
    },
    120_000,
  );
});
