import { BUTTON_MASK } from '@tengen/engine';
import {
  AHEAD_TOLERANCE_FRAMES,
  FRAMES_PER_SECOND,
  MAX_BATCH_FRAMES,
  type ErrorCode,
} from '@tengen/protocol';

/** A refused input batch: the error sent back to the player. */
export interface BatchRefusal {
  code: Extract<ErrorCode, 'badFrame' | 'unknownButtons' | 'batchTooLarge'>;
  message: string;
  expectedFrame?: number;
}

/**
 * Checks an `inputs` batch against the rules the schema cannot express: it must start at the
 * next expected frame, cover at most `MAX_BATCH_FRAMES`, and use only controller bits.
 * Returns the frame count on success.
 */
export function checkBatch(
  from: number,
  runs: readonly (readonly [number, number])[],
  expectedFrom: number,
): BatchRefusal | number {
  if (from !== expectedFrom) {
    return {
      code: 'badFrame',
      message: `inputs must continue at frame ${expectedFrom}, got ${from}`,
      expectedFrame: expectedFrom,
    };
  }
  let frames = 0;
  for (const [count, buttons] of runs) {
    if ((buttons & ~BUTTON_MASK) !== 0) {
      return {
        code: 'unknownButtons',
        message: `buttons ${buttons} use bits outside Left|Right|Down|A|B (${BUTTON_MASK})`,
      };
    }
    frames += count;
  }
  if (frames > MAX_BATCH_FRAMES) {
    return {
      code: 'batchTooLarge',
      message: `a batch may cover at most ${MAX_BATCH_FRAMES} frames, got ${frames}`,
    };
  }
  return frames;
}

/**
 * The last frame a player may have reached after `activeMs` of unpaused play: the NES frame rate
 * times the elapsed time, plus the tolerance. Inputs beyond it cannot come from a real-time game.
 */
export function latestPlausibleFrame(activeMs: number): number {
  return Math.floor((Math.max(0, activeMs) * FRAMES_PER_SECOND) / 1000) + AHEAD_TOLERANCE_FRAMES;
}
