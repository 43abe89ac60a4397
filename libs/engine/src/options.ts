/** Options for a new game. */
export interface GameOptions {
  /** Randomizer seed, an integer 1..0xFFFF (the NES power-on value is 0x8988). */
  seed: number;
  /** Start level 0..29 (the menu offers 0-19; higher ones exist for replays and tests). */
  startLevel: number;
}

/** Checks game options, throwing a RangeError that names the bad one. */
export function validateGameOptions(opts: GameOptions): void {
  if (!Number.isInteger(opts.seed) || opts.seed < 1 || opts.seed > 0xffff) {
    throw new RangeError(
      `seed must be an integer 1..65535 (0x0001-0xFFFF), got ${String(opts.seed)}`,
    );
  }
  if (!Number.isInteger(opts.startLevel) || opts.startLevel < 0 || opts.startLevel > 29) {
    throw new RangeError(`startLevel must be an integer 0..29, got ${String(opts.startLevel)}`);
  }
}
