import type { FrameKind } from './hud-model.ts';
import type { PlayerFrame } from './player-frame.ts';

/** What the announcer remembers of the last frame it saw. */
export interface AnnounceState {
  lines: number;
  level: number;
  over: boolean;
}

const CLEAR_WORDS = ['', 'Single', 'Double', 'Triple', 'Tetris'];

/**
 * The sentence a screen reader hears for this frame, or null: only line clears, level-ups and the end
 * of a game, and nothing at all during the title demo (which would talk over the menu). A frame with
 * fewer lines than the last is a new game: it resets the memory silently.
 */
export function announcement(
  prev: AnnounceState | null,
  f: Pick<PlayerFrame, 'lines' | 'level' | 'score' | 'overlay'>,
  kind: FrameKind,
): { text: string | null; state: AnnounceState } {
  const state = { lines: f.lines, level: f.level, over: f.overlay === 'GAME OVER' };
  if (kind === 'demo' || prev === null || f.lines < prev.lines) return { text: null, state };
  const parts: string[] = [];
  const cleared = f.lines - prev.lines;
  if (cleared > 0) parts.push(`${CLEAR_WORDS[cleared] ?? `${cleared} lines`}. Lines ${f.lines}.`);
  if (f.level > prev.level) parts.push(`Level ${f.level}.`);
  if (state.over && !prev.over) parts.push(`Game over. Score ${f.score}.`);
  return { text: parts.length > 0 ? parts.join(' ') : null, state };
}
