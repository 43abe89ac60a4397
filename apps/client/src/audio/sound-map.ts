import { GameEvent } from '@tengen/engine';

/** The game's sound effects. */
export type SoundName =
  'shift' | 'rotate' | 'lock' | 'line' | 'tetris' | 'levelUp' | 'topOut' | 'menu';

/**
 * The sounds one frame's engine events trigger, most important first; like the NES sound engine
 * the bigger effect wins (a line clear silences the lock, a top-out silences everything else).
 */
export function soundsFor(events: number, clearCount: number): SoundName[] {
  if (events & GameEvent.TopOut) return ['topOut'];
  const out: SoundName[] = [];
  if (events & GameEvent.LinesCleared) out.push(clearCount >= 4 ? 'tetris' : 'line');
  if (events & GameEvent.LevelUp) out.push('levelUp');
  if (events & GameEvent.Lock && out.length === 0) out.push('lock');
  if (events & GameEvent.Rotate) out.push('rotate');
  else if (events & GameEvent.Shift) out.push('shift');
  return out;
}

/** One note of a synthesised effect: oscillator type, start and end frequency, start and length (s). */
export interface Note {
  wave: OscillatorType;
  from: number;
  to: number;
  at: number;
  dur: number;
  gain: number;
}

/** Each effect as a few NES-like pulse/triangle/noise-free notes (all synthesised, no samples). */
export const SOUNDS: Readonly<Record<SoundName, readonly Note[]>> = {
  shift: [{ wave: 'square', from: 880, to: 880, at: 0, dur: 0.03, gain: 0.08 }],
  rotate: [{ wave: 'square', from: 660, to: 990, at: 0, dur: 0.05, gain: 0.08 }],
  lock: [{ wave: 'triangle', from: 180, to: 90, at: 0, dur: 0.08, gain: 0.25 }],
  line: [
    { wave: 'square', from: 523, to: 523, at: 0, dur: 0.06, gain: 0.1 },
    { wave: 'square', from: 784, to: 784, at: 0.06, dur: 0.1, gain: 0.1 },
  ],
  tetris: [
    { wave: 'square', from: 523, to: 523, at: 0, dur: 0.07, gain: 0.12 },
    { wave: 'square', from: 659, to: 659, at: 0.07, dur: 0.07, gain: 0.12 },
    { wave: 'square', from: 784, to: 784, at: 0.14, dur: 0.07, gain: 0.12 },
    { wave: 'square', from: 1047, to: 1047, at: 0.21, dur: 0.2, gain: 0.12 },
  ],
  levelUp: [
    { wave: 'square', from: 392, to: 392, at: 0, dur: 0.08, gain: 0.1 },
    { wave: 'square', from: 587, to: 587, at: 0.08, dur: 0.08, gain: 0.1 },
    { wave: 'square', from: 784, to: 1175, at: 0.16, dur: 0.16, gain: 0.1 },
  ],
  topOut: [
    { wave: 'square', from: 440, to: 110, at: 0, dur: 0.6, gain: 0.12 },
    { wave: 'triangle', from: 220, to: 55, at: 0, dur: 0.8, gain: 0.25 },
  ],
  menu: [{ wave: 'square', from: 1320, to: 1320, at: 0, dur: 0.04, gain: 0.06 }],
};
