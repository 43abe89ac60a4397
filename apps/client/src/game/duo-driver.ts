import type { PlayerStateShape } from '@tengen/protocol';
import { FrameClock } from '../loop/frame-clock.ts';
import type { FrameKind } from '../view/hud-model.ts';
import type { PlayerFrame } from '../view/player-frame.ts';
import { idleFrame, remoteFrame } from '../view/remote-frame.ts';
import type { StageDriver } from './driver.ts';
import type { SimDriver } from './sim-driver.ts';

/** Where the duo driver reads the room from. */
export interface DuoSource {
  /** The opponent's entry in the room state, or null while nobody is there. */
  opponent(): PlayerStateShape | null;
  /** The room is paused. */
  paused(): boolean;
  /** The local panel while no local game runs (level select, waiting). */
  idle(): PlayerFrame;
  /** The opponent's name plate. */
  opponentName(): string;
}

/**
 * Two panels: the local player's predicted game (a `SimDriver`) on the left and the opponent, drawn
 * from the synchronised room state, mirrored on the right. The opponent's curtain runs on its own
 * frame clock from the moment their game is seen over.
 */
export class DuoDriver implements StageDriver {
  readonly players = 2 as const;
  readonly kind: FrameKind = 'play';
  readonly #src: DuoSource;
  readonly #oppClock = new FrameClock();
  readonly #oppCells = new Uint8Array(200);
  #local: SimDriver | null = null;
  #oppOverFrames = 0;
  #empty: PlayerFrame | null = null;

  constructor(src: DuoSource) {
    this.#src = src;
  }

  /** Sets (or clears) the local game. */
  setLocal(d: SimDriver | null): void {
    this.#local?.dispose();
    this.#local = d;
  }

  get local(): SimDriver | null {
    return this.#local;
  }

  get playable(): boolean {
    return this.#local?.playable ?? false;
  }

  tick(nowMs: number): readonly PlayerFrame[] {
    const mine = this.#local?.tick(nowMs)[0] ?? this.#src.idle();
    const opp = this.#src.opponent();
    const steps = this.#oppClock.advance(nowMs);
    if (opp === null) return [mine, (this.#empty ??= idleFrame(0, 'WAITING', '', 0))];
    this.#oppOverFrames = opp.phase === 'over' ? this.#oppOverFrames + steps : 0;
    const f = remoteFrame(
      opp,
      {
        paused: this.#src.paused(),
        framesSinceOver: this.#oppOverFrames,
        top: 0,
        name: this.#src.opponentName(),
      },
      this.#oppCells,
    );
    return [mine, f];
  }

  dispose(): void {
    this.#local?.dispose();
  }
}
