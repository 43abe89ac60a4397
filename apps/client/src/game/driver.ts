import type { GameStats } from '@tengen/engine';
import type { FrameKind } from '../view/hud-model.ts';
import type { PlayerFrame } from '../view/player-frame.ts';

/**
 * What the stage scene renders: something that advances with real time and yields one frame per
 * player. Solo play, duo play, replays and the attract demo are drivers; the scene knows none of them.
 */
export interface StageDriver {
  /** Players drawn side by side (two: the second mirrored). */
  readonly players: 1 | 2;
  /** What the HUD mirror calls these frames (play, demo, replay). */
  readonly kind: FrameKind;
  /** Steps whatever is due at `nowMs` (performance.now()) and returns the frames to draw. */
  tick(nowMs: number): readonly PlayerFrame[];
  /** True while a human controls a live piece (for the first-playable-frame metric). */
  readonly playable: boolean;
  /** The player's game statistics, for drivers of one player's game (the HUD's stats toggle). */
  stats?(): GameStats;
  /** Stops timers and listeners when the stage switches to another driver. */
  dispose(): void;
}
