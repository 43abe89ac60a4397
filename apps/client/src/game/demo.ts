import { Bot } from '@tengen/bot';
import { freshSeed } from '../app/seed.ts';
import { SimDriver } from './sim-driver.ts';

/** Start level of the attract-mode demo (fast enough to be lively, slow enough to follow). */
export const DEMO_LEVEL = 5;

/**
 * The title screen's attract mode: the bot plays a fresh game; when it tops out, `onOver` is called
 * so the title can start another.
 */
export function demoDriver(onOver: () => void, seed: number = freshSeed()): SimDriver {
  const bot = new Bot({ softDrop: true });
  return new SimDriver({
    seed,
    startLevel: DEMO_LEVEL,
    buttons: (game) => bot.next(game),
    name: 'DEMO',
    kind: 'demo',
    onGameOver: () => onOver(),
  });
}
