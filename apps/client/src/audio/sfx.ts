import type { KeyValueStore } from '../input/bindings-store.ts';
import { readStoredFlag, writeStoredFlag } from '../input/stored-flag.ts';
import { SOUNDS, type SoundName } from './sound-map.ts';

/** localStorage key of the mute toggle. */
export const MUTE_KEY = 'tengen.muted';

/**
 * Synthesises the sound effects with Web Audio at run time. The context is created on first use and
 * resumed on a user gesture (browsers keep it suspended until then); muting is remembered.
 */
export class Sfx {
  readonly #store: KeyValueStore | null;
  #ctx: AudioContext | null = null;
  #muted: boolean;

  constructor(store: KeyValueStore | null) {
    this.#store = store;
    this.#muted = readStoredFlag(store, MUTE_KEY);
  }

  get muted(): boolean {
    return this.#muted;
  }

  /** Turns sound on or off and remembers the choice. */
  setMuted(on: boolean): void {
    this.#muted = on;
    writeStoredFlag(this.#store, MUTE_KEY, on);
  }

  /** Call from a user gesture (key, click, touch) so the browser lets audio start. */
  unlock(): void {
    if (this.#muted) return;
    const ctx = this.#context();
    if (ctx !== null && ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
  }

  /** Plays an effect now (no-op when muted or when Web Audio is unavailable). */
  play(name: SoundName): void {
    if (this.#muted) return;
    const ctx = this.#context();
    if (ctx === null || ctx.state !== 'running') return;
    const t0 = ctx.currentTime;
    for (const n of SOUNDS[name]) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = n.wave;
      osc.frequency.setValueAtTime(n.from, t0 + n.at);
      if (n.to !== n.from) osc.frequency.exponentialRampToValueAtTime(n.to, t0 + n.at + n.dur);
      gain.gain.setValueAtTime(n.gain, t0 + n.at);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + n.at + n.dur);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t0 + n.at);
      osc.stop(t0 + n.at + n.dur + 0.02);
    }
  }

  #context(): AudioContext | null {
    if (this.#ctx === null && typeof AudioContext !== 'undefined') {
      try {
        this.#ctx = new AudioContext({ latencyHint: 'interactive' });
      } catch {
        this.#ctx = null;
      }
    }
    return this.#ctx;
  }
}
