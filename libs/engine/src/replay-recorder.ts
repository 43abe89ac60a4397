import { BUTTON_MASK } from './buttons.ts';
import { validateGameOptions } from './options.ts';
import type { Replay } from './replay-types.ts';
import { seedToHex } from './seed.ts';
import { UNVERSIONED_ENGINE_VERSION, type EngineVersion } from './versions.ts';

/** A run packs its frame count above the five button bits: `count * 32 + buttons`. */
const RUN_UNIT = BUTTON_MASK + 1;
/** The longest run one packed entry holds (2^27 - 1 frames, over 600 hours); a longer one continues in the next. */
const MAX_RUN = Math.floor(0xffffffff / RUN_UNIT);

/**
 * Builds a replay one frame at a time, in the run-length form, as a client or server steps a game:
 * call `push(buttons)` with exactly the mask passed to `Game.step`. The runs are kept packed in a
 * typed array (4 bytes a run instead of a two-element array each): a server holds one recorder per
 * player for the whole game, and a player changes buttons about 8 times a second.
 */
export class ReplayRecorder {
  readonly seed: number;
  readonly startLevel: number;
  /** The rules version the recorded game runs under (the replay's `version`). */
  readonly version: EngineVersion;
  #runs = new Uint32Array(256);
  #length = 0;
  #frames = 0;

  /** `version` omitted: 1, as for `Game` (new games pass `ENGINE_VERSION`). */
  constructor(
    seed: number,
    startLevel: number,
    version: EngineVersion = UNVERSIONED_ENGINE_VERSION,
  ) {
    validateGameOptions({ seed, startLevel, version });
    this.seed = seed;
    this.startLevel = startLevel;
    this.version = version;
  }

  /** Records one frame's held buttons. */
  push(buttons: number): void {
    const b = buttons & BUTTON_MASK;
    this.#frames++;
    const i = this.#length - 1;
    if (i >= 0) {
      const last = this.#runs[i]!;
      if ((last & BUTTON_MASK) === b && last < MAX_RUN * RUN_UNIT) {
        this.#runs[i] = last + RUN_UNIT;
        return;
      }
    }
    if (this.#length === this.#runs.length) {
      const grown = new Uint32Array(this.#runs.length * 2);
      grown.set(this.#runs);
      this.#runs = grown;
    }
    this.#runs[this.#length++] = RUN_UNIT + b;
  }

  /** Frames recorded so far. */
  get frames(): number {
    return this.#frames;
  }

  /** The replay so far (a copy; recording may continue). */
  toReplay(): Replay {
    return {
      version: this.version,
      seed: seedToHex(this.seed),
      startLevel: this.startLevel,
      inputs: Array.from(this.#runs.subarray(0, this.#length), (run) => [
        Math.floor(run / RUN_UNIT),
        run & BUTTON_MASK,
      ]),
    };
  }
}
