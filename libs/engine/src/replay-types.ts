import type { EngineVersion } from './versions.ts';

/**
 * A replay: enough to re-run a game exactly. `version` is the rules version the game was played
 * under (`ENGINE_VERSIONS`; the format is the same for every version so far). `inputs` is
 * run-length encoded as [frameCount, buttons] pairs, one per run of frames with the same held
 * buttons; frame 0's buttons count as newly pressed (nothing is held before a game starts).
 */
export interface Replay {
  version: EngineVersion;
  /** Four hex digits, never "0000". */
  seed: string;
  /** 0..29. */
  startLevel: number;
  inputs: [number, number][];
}

/** What re-running a replay yields; `frames` counts the top-out frame. */
export interface ReplaySummary {
  score: number;
  lines: number;
  level: number;
  frames: number;
  topOut: boolean;
  /** Every piece that entered the well, in order, the first included ("TJZ..."). */
  pieces: string;
}

/** Replays longer than this are rejected (about 19 hours at 60 frames per second). */
export const MAX_REPLAY_FRAMES = 1 << 22;

/** A replay that fails validation; the message is one line naming the problem. */
export class ReplayError extends Error {
  override name = 'ReplayError';
}
