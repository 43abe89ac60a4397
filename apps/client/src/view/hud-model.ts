import { PIECE_TYPES } from '@tengen/engine';
import type { PlayerFrame } from './player-frame.ts';

/** The phase words the HUD mirror shows (tests and screen readers read these). */
export type PhaseLabel =
  | 'DEMO'
  | 'READY'
  | 'CHOOSING'
  | 'PLAYING'
  | 'PAUSED'
  | 'GAME OVER'
  | 'WAITING'
  | 'REPLAY'
  | 'LEFT';

/** What kind of game a frame comes from (`watch`: someone else's live game, as a spectator). */
export type FrameKind = 'play' | 'demo' | 'replay' | 'watch';

/** One player's HUD as text. */
export interface HudModel {
  score: string;
  lines: string;
  level: string;
  /** Next piece letter, or '-' when hidden. */
  next: string;
  phase: PhaseLabel;
}

/** The phase word for a frame: overlays first (paused, over, waiting), then what kind of game it is. */
export function phaseLabel(f: PlayerFrame, kind: FrameKind): PhaseLabel {
  switch (f.overlay) {
    case 'PAUSED':
      return 'PAUSED';
    case 'GAME OVER':
      return 'GAME OVER';
    case 'WAITING':
      return 'WAITING';
    case 'READY':
      return 'READY';
    case 'CHOOSING':
      return 'CHOOSING';
    case 'GONE':
      return 'LEFT';
    case null:
      return kind === 'demo' ? 'DEMO' : kind === 'replay' ? 'REPLAY' : 'PLAYING';
    default: {
      const never: never = f.overlay;
      throw new Error(`unknown overlay ${String(never)}`);
    }
  }
}

/** The HUD text of a frame (plain numbers, no padding, so tests compare with the server's). */
export function hudModel(f: PlayerFrame, kind: FrameKind): HudModel {
  return {
    score: String(f.score),
    lines: String(f.lines),
    level: String(f.level),
    next: f.next >= 0 ? (PIECE_TYPES[f.next] ?? '-') : '-',
    phase: phaseLabel(f, kind),
  };
}

/** One line for the visible status bar and screen readers. */
export function hudSentence(m: HudModel): string {
  return `Score ${m.score}, lines ${m.lines}, level ${m.level}, next ${m.next}, ${m.phase.toLowerCase()}`;
}
