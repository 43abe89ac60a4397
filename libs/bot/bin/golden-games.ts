import type { PlayGameOptions } from '../src/index.ts';

/** One golden game: a fixture name and the bot game that produces it. */
export interface GoldenGame extends PlayGameOptions {
  name: string;
}

/**
 * The golden games stored under libs/engine/src/fixtures/. Level-0 games are capped at 30,000
 * frames to keep fixtures small; the marathon is the 30-minute (108,000-frame) verification case.
 */
export const GOLDEN_GAMES: readonly GoldenGame[] = [
  { name: 'level-00-seed-8988', seed: 0x8988, startLevel: 0, maxFrames: 30_000 },
  { name: 'level-05-seed-0b0e', seed: 0x0b0e, startLevel: 5, maxFrames: 30_000 },
  { name: 'level-09-seed-1234', seed: 0x1234, startLevel: 9, maxFrames: 30_000 },
  { name: 'level-15-seed-2222', seed: 0x2222, startLevel: 15, maxFrames: 30_000 },
  { name: 'level-18-seed-3333', seed: 0x3333, startLevel: 18, maxFrames: 30_000 },
  { name: 'level-19-seed-4444', seed: 0x4444, startLevel: 19, maxFrames: 30_000 },
  { name: 'level-29-seed-5555', seed: 0x5555, startLevel: 29, maxFrames: 30_000 },
  {
    name: 'marathon-108000-level-00',
    seed: 0x8988,
    startLevel: 0,
    maxFrames: 108_000,
    softDrop: false,
  },
];
