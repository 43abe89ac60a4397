import { seedFromHex, type Replay } from '@tengen/engine';
import { ReplayCursor } from './replay-cursor.ts';
import { SimDriver, type SimDriverOptions } from './sim-driver.ts';

/**
 * Plays a stored replay through the same engine and renderer as live play: the recorded buttons are
 * fed frame by frame at 60.0988 fps, so the score on screen is the score the server verified.
 */
export function replayDriver(
  replay: Replay,
  opts: Pick<SimDriverOptions, 'name' | 'top' | 'onEvents' | 'onGameOver' | 'clock'>,
): SimDriver {
  const cursor = new ReplayCursor(replay);
  return new SimDriver({
    ...opts,
    seed: seedFromHex(replay.seed),
    startLevel: replay.startLevel,
    // Each replay plays under the rules it was recorded with (version 1 before versions existed).
    version: replay.version,
    kind: 'replay',
    buttons: () => cursor.next(),
    stopWhen: () => cursor.done,
  });
}
