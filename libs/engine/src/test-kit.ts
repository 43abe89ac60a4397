// Helpers for the engine's specs: build games in a chosen position through the public snapshot API.
import { Game } from './game.ts';
import type { GameSnapshot } from './snapshot.ts';

/** Fields a spec may set on a fresh game; `rows` are the bottom rows of the well ('#' filled, '.' empty). */
export interface Setup extends Partial<Omit<GameSnapshot, 'board'>> {
  rows?: string[];
}

/** A new game (seed 0x8988, level 0 unless given) with `setup` applied via snapshot/restore. */
export function gameWith(setup: Setup = {}): Game {
  const { rows, ...fields } = setup;
  const base = new Game({
    seed: fields.seed ?? 0x8988,
    startLevel: fields.startLevel ?? 0,
  }).snapshot();
  const snap: GameSnapshot = { ...base, ...fields };
  if (fields.startLevel !== undefined && fields.level === undefined) snap.level = fields.startLevel;
  if (rows !== undefined) {
    const cells = snap.board.split('');
    rows.forEach((line, i) => {
      const row = 20 - rows.length + i;
      for (let c = 0; c < 10; c++) cells[row * 10 + c] = line[c] === '#' ? '1' : '0';
    });
    snap.board = cells.join('');
  }
  return Game.restore(snap);
}

/**
 * An O piece ($0A) at level 29 about to land at the bottom of a well whose two bottom rows are full
 * but for its two columns: landing completes both rows. `frame` sets the frame counter, whose low
 * bits pace the line clear animation.
 */
export function twoRowClearAt(frame: number): Game {
  return gameWith({
    orientation: 0x0a,
    x: 5,
    y: 15,
    startLevel: 29,
    autorepeatY: 0,
    vramRow: 32,
    frame,
    rows: ['####..####', '####..####'],
  });
}

/** One stepped frame: its index (0-based), the buttons and the events it returned. */
export interface FrameLog {
  frame: number;
  buttons: number;
  events: number;
}

/** Steps `frames` frames with the same buttons (or a function of the frame offset) and logs them. */
export function run(
  game: Game,
  frames: number,
  buttons: number | ((i: number) => number) = 0,
): FrameLog[] {
  const log: FrameLog[] = [];
  for (let i = 0; i < frames; i++) {
    const b = typeof buttons === 'number' ? buttons : buttons(i);
    const frame = game.frame;
    log.push({ frame, buttons: b, events: game.step(b) });
  }
  return log;
}

/** Steps until `event` is returned (or `max` frames); returns the 0-based frame index it happened in. */
export function stepUntil(
  game: Game,
  event: number,
  buttons: number | ((i: number) => number) = 0,
  max = 5000,
): number {
  for (let i = 0; i < max; i++) {
    const frame = game.frame;
    const b = typeof buttons === 'number' ? buttons : buttons(i);
    if ((game.step(b) & event) !== 0) return frame;
  }
  throw new Error(`event ${event} did not happen within ${max} frames`);
}

/** Frame indices at which `event` was returned. */
export function framesWith(log: FrameLog[], event: number): number[] {
  return log.filter((l) => (l.events & event) !== 0).map((l) => l.frame);
}
