import { Bot } from '@tengen/bot';
import { FRAMES_PER_SECOND, InputBatcher } from '@tengen/protocol';
import type { TestPlayer } from '@tengen/test-kit';

/** How `sendPaced` times its batches. */
export interface Pace {
  /** Game speed against the wall clock: 1 real time, 0.5 slow motion. */
  speed: number;
  /** Extra delay (ms) before sending batch `i`, to model jitter; a late batch holds up the ones after it. */
  lateMs?: (i: number) => number;
  /** The first frame to send (default 0: a game's start). */
  fromFrame?: number;
  /** Stop once this many frames were sent (default: all). */
  untilFrame?: number;
  /** Called with each batch's end frame before it is sent (e.g. to pause at a chosen frame). */
  beforeBatch?: (endFrame: number) => Promise<void> | void;
  /** Checked before each batch: true stops sending (the frames sent so far are returned). */
  stopWhen?: () => boolean;
}

/**
 * Sends `frames` (one button mask per frame of a game) for `p`'s current game over its real
 * socket in `InputBatcher` batches (6-20 frames, like the browser), each when its last frame is
 * due at `pace.speed` since the game's `start` message (plus its `lateMs`, minus the time spent in
 * `beforeBatch`). Returns the frames sent.
 */
export async function sendPaced(p: TestPlayer, frames: FrameSource, pace: Pace): Promise<number> {
  const from = pace.fromFrame ?? 0;
  const batcher = new InputBatcher(from);
  const at = typeof frames === 'function' ? frames : (f: number) => frames[f] ?? null;
  const end = pace.untilFrame ?? Infinity;
  let origin = p.startedAt;
  let i = 0;
  let sent = from;
  const send = async (batch: { from: number; runs: [number, number][] }): Promise<boolean> => {
    if (pace.stopWhen?.()) return false;
    const last = batch.from + batch.runs.reduce((n, [c]) => n + c, 0);
    const held = performance.now();
    await pace.beforeBatch?.(last);
    origin += performance.now() - held;
    const due = origin + (last * 1000) / FRAMES_PER_SECOND / pace.speed + (pace.lateMs?.(i++) ?? 0);
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (p.closed) throw new Error(`connection closed (${p.closed.code}) while sending`);
    p.send('inputs', batch);
    sent = last;
    return true;
  };
  for (let f = from; f < end; f++) {
    const buttons = await at(f);
    if (buttons === null) break;
    const batch = batcher.push(buttons);
    if (batch && !(await send(batch))) return sent;
  }
  const rest = batcher.flush();
  if (rest) await send(rest);
  return sent;
}

/**
 * Frame `f`'s buttons, or null once the game is over: a fixed list (a replay's frames), or a game
 * played as the frames are asked for (`liveFrames`).
 */
export type FrameSource =
  readonly number[] | ((f: number) => number | null | Promise<number | null>);

/**
 * The frames of `p`'s current game as a browser plays it: its own engine, fed by the pieces the
 * server deals, steps as each frame is asked for (waiting when the next piece has not come yet);
 * the bot steers for `botFrames` frames, then nothing is held until the stack tops out. Frames
 * asked for again (after `sendPaced` stopped early) come from what was played.
 */
export function liveFrames(p: TestPlayer, botFrames: number): FrameSource {
  const bot = new Bot();
  const played: number[] = [];
  return async (f) => {
    const g = p.game;
    if (!g) throw new Error('no game is running');
    if (f < played.length) return played[f]!;
    if (g.topOut) return null;
    if (f !== g.frame) throw new Error(`frame ${f} asked for, the game is at ${g.frame}`);
    await p.until('the next piece', () => !g.needsPiece);
    const b = g.frame < botFrames ? bot.next(g) : 0;
    g.step(b);
    played.push(b);
    return b;
  };
}
