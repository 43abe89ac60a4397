import type { PieceSource } from './piece-source.ts';
import { ENGINE_VERSIONS_TEXT, isEngineVersion, type EngineVersion } from './versions.ts';

/** Options for a new game: its pieces come from its seed (the NES generator) or from a piece source. */
export type GameOptions = SeededGameOptions | FedGameOptions;

/** A game that draws its own pieces from the NES generator. */
export interface SeededGameOptions {
  /** Randomizer seed, an integer 1..0xFFFF (the NES power-on value is 0x8988). */
  seed: number;
  /** Start level 0..29 (the menu offers 0-19; higher ones exist for replays and tests). */
  startLevel: number;
  /** Rules version (`ENGINE_VERSIONS`); omitted: 1 (see `UNVERSIONED_ENGINE_VERSION`). */
  version?: EngineVersion;
  pieces?: undefined;
}

/**
 * A game that takes its pieces from a source it is given (the server keeps the seed): the first
 * two pieces (current and NEXT) must be known at construction; a spawn whose piece is not known
 * yet stalls the game (`GameEvent.NeedsPiece`) until it is.
 */
export interface FedGameOptions {
  pieces: PieceSource;
  /** Start level 0..29. */
  startLevel: number;
  /** Rules version (`ENGINE_VERSIONS`); omitted: 1 (see `UNVERSIONED_ENGINE_VERSION`). */
  version?: EngineVersion;
  seed?: undefined;
}

/** Checks game options, throwing a RangeError that names the bad one. */
export function validateGameOptions(opts: GameOptions): void {
  if (opts.pieces !== undefined) {
    if (typeof opts.pieces?.pieceAt !== 'function')
      throw new RangeError('pieces must be a piece source (an object with pieceAt(index))');
    if (opts.seed !== undefined) throw new RangeError('a game takes a seed or pieces, not both');
  } else if (!Number.isInteger(opts.seed) || opts.seed < 1 || opts.seed > 0xffff) {
    throw new RangeError(
      `seed must be an integer 1..65535 (0x0001-0xFFFF), got ${String(opts.seed)}`,
    );
  }
  if (!Number.isInteger(opts.startLevel) || opts.startLevel < 0 || opts.startLevel > 29) {
    throw new RangeError(`startLevel must be an integer 0..29, got ${String(opts.startLevel)}`);
  }
  if (opts.version !== undefined && !isEngineVersion(opts.version)) {
    throw new RangeError(
      `version must be ${ENGINE_VERSIONS_TEXT} (a supported rules version), got ${String(opts.version)}`,
    );
  }
}
