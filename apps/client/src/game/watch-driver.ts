import type { PlayerStateShape } from '@tengen/protocol';
import { FrameClock } from '../loop/frame-clock.ts';
import type { FrameKind } from '../view/hud-model.ts';
import type { PlayerFrame } from '../view/player-frame.ts';
import { idleFrame, remoteFrame } from '../view/remote-frame.ts';
import type { StageDriver } from './driver.ts';

/** Where the watch driver reads the room from. */
export interface WatchSource {
  /** The players in seat order (left first). */
  players(): PlayerStateShape[];
  /** The room is paused. */
  paused(): boolean;
}

/**
 * A spectator's stage: every player's panel drawn from the synchronised room state, the way a duo
 * opponent's board is drawn (`remoteFrame`), with each player's curtain on its own frame clock.
 * Nothing is simulated or controlled locally.
 */
export class WatchDriver implements StageDriver {
  readonly players: 1 | 2;
  readonly kind: FrameKind = 'watch';
  readonly playable = false;
  readonly #src: WatchSource;
  readonly #clocks: FrameClock[];
  readonly #cells: Uint8Array<ArrayBuffer>[];
  readonly #overFrames: number[];

  constructor(src: WatchSource, players: 1 | 2) {
    this.#src = src;
    this.players = players;
    this.#clocks = Array.from({ length: players }, () => new FrameClock());
    this.#cells = Array.from({ length: players }, () => new Uint8Array(200));
    this.#overFrames = Array.from({ length: players }, () => 0);
  }

  tick(nowMs: number): readonly PlayerFrame[] {
    const list = this.#src.players();
    const paused = this.#src.paused();
    const frames: PlayerFrame[] = [];
    for (let i = 0; i < this.players; i++) {
      const steps = this.#clocks[i]!.advance(nowMs);
      const p = list[i];
      const name = `PLAYER ${i + 1}`;
      if (p === undefined) {
        frames.push(idleFrame(0, 'WAITING', name, 0));
        continue;
      }
      this.#overFrames[i] = p.phase === 'over' ? this.#overFrames[i]! + steps : 0;
      frames.push(
        remoteFrame(
          p,
          { paused, framesSinceOver: this.#overFrames[i]!, top: 0, name },
          this.#cells[i],
        ),
      );
    }
    return frames;
  }

  dispose(): void {
    // Nothing to release: the room link belongs to the watch screen.
  }
}
