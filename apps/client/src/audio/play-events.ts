import type { Game } from '@tengen/engine';
import type { Sfx } from './sfx.ts';
import { soundsFor } from './sound-map.ts';

/** Plays the sounds of one frame's engine events. */
export function playEvents(sfx: Sfx, events: number, game: Game): void {
  for (const s of soundsFor(events, game.lastClearCount)) sfx.play(s);
}
