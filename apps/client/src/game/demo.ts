import { freshSeed } from '../app/seed.ts';
import { DemoFeeder } from './demo-feeder.ts';
import { SimDriver } from './sim-driver.ts';

/** Start level of the attract-mode demo (fast enough to be lively, slow enough to follow). */
export const DEMO_LEVEL = 5;

/** Runs `fn` when the browser is idle (or soon, where `requestIdleCallback` is missing). */
function whenIdle(fn: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout: 100 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 16);
  return () => clearTimeout(id);
}

/**
 * The title screen's attract mode: the bot plays a fresh game (its moves planned ahead in idle time
 * by a `DemoFeeder`); when it tops out, `onOver` is called so the title can start another. `top` is
 * the player's best, shown as TOP.
 */
export function demoDriver(onOver: () => void, seed: number = freshSeed(), top = 0): SimDriver {
  const feeder = new DemoFeeder(seed, DEMO_LEVEL);
  feeder.fill(1, Infinity);
  let cancel: (() => void) | null = null;
  const plan = (): void => {
    feeder.fill();
    cancel = feeder.done ? null : whenIdle(plan);
  };
  cancel = whenIdle(plan);
  return new SimDriver({
    seed,
    startLevel: DEMO_LEVEL,
    buttons: () => feeder.next(),
    name: 'DEMO',
    kind: 'demo',
    // TOP is the player's best, never the demo's score.
    top,
    onGameOver: () => onOver(),
    onDispose: () => cancel?.(),
  });
}
