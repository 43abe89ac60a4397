import type { PlayGameOptions } from '../src/index.ts';

/** The version-2 golden games: the bot's play with Down+Left+Right held in between. */
const V2_GAMES: readonly GoldenGame[] = [
  { name: 'v2-level-00-seed-8988-dlr', seed: 0x8988, startLevel: 0, maxFrames: 20_000 },
  { name: 'v2-level-09-seed-1234-dlr', seed: 0x1234, startLevel: 9, maxFrames: 20_000 },
  { name: 'v2-level-18-seed-3333-dlr', seed: 0x3333, startLevel: 18, maxFrames: 20_000 },
].map((g) => ({ ...g, version: 2, downLeftRight: { every: 97, length: 5 } }));

/** One golden game: a fixture name and the bot game that produces it. */
export interface GoldenGame extends PlayGameOptions {
  name: string;
}

/**
 * The golden games stored under libs/engine/src/fixtures/. Level-0 games are capped at 30,000
 * frames to keep fixtures small; the marathon is the 30-minute (108,000-frame) verification case.
 * Version-1 games are the rules before versions existed; the `v2-` games hold exactly
 * Down+Left+Right for a few frames every so often (in control, entry delay and line clears alike)
 * so the lost frame of version 2 is in every phase.
 */
export const GOLDEN_GAMES: readonly GoldenGame[] = [
  { name: 'level-00-seed-8988', seed: 0x8988, startLevel: 0, maxFrames: 30_000, version: 1 },
  { name: 'level-05-seed-0b0e', seed: 0x0b0e, startLevel: 5, maxFrames: 30_000, version: 1 },
  { name: 'level-09-seed-1234', seed: 0x1234, startLevel: 9, maxFrames: 30_000, version: 1 },
  { name: 'level-15-seed-2222', seed: 0x2222, startLevel: 15, maxFrames: 30_000, version: 1 },
  { name: 'level-18-seed-3333', seed: 0x3333, startLevel: 18, maxFrames: 30_000, version: 1 },
  { name: 'level-19-seed-4444', seed: 0x4444, startLevel: 19, maxFrames: 30_000, version: 1 },
  { name: 'level-29-seed-5555', seed: 0x5555, startLevel: 29, maxFrames: 30_000, version: 1 },
  {
    name: 'marathon-108000-level-00',
    seed: 0x8988,
    startLevel: 0,
    maxFrames: 108_000,
    softDrop: false,
    version: 1,
  },
  ...V2_GAMES,
];
