import { BUTTON_MASK } from './buttons.ts';
import { validateGameOptions } from './options.ts';
import type { Replay } from './replay-types.ts';
import { seedToHex } from './seed.ts';
import { UNVERSIONED_ENGINE_VERSION, type EngineVersion } from './versions.ts';

/**
 * Builds a replay one frame at a time, in the run-length form, as a client or server steps a game:
 * call `push(buttons)` with exactly the mask passed to `Game.step`.
 */
export class ReplayRecorder {
  readonly seed: number;
  readonly startLevel: number;
  /** The rules version the recorded game runs under (the replay's `version`). */
  readonly version: EngineVersion;
  #inputs: [number, number][] = [];
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
    const last = this.#inputs[this.#inputs.length - 1];
    if (last !== undefined && last[1] === b) last[0]++;
    else this.#inputs.push([1, b]);
    this.#frames++;
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
      inputs: this.#inputs.map(([n, b]) => [n, b]),
    };
  }
}
