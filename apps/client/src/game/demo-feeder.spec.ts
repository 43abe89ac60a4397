import { describe, expect, it } from 'vitest';
import { Bot } from '@tengen/bot';
import { Game } from '@tengen/engine';
import { DemoFeeder } from './demo-feeder.ts';

describe('DemoFeeder', () => {
  it('feeds exactly the inputs the bot would play live', () => {
    const live = new Game({ seed: 0x5151, startLevel: 5 });
    const bot = new Bot({ softDrop: true });
    const fed = new Game({ seed: 0x5151, startLevel: 5 });
    const feeder = new DemoFeeder(0x5151, 5);
    for (let i = 0; i < 3000 && !live.topOut; i++) {
      if (feeder.ahead < 10) feeder.fill(120, Infinity);
      const b = feeder.next();
      expect(b).toBe(bot.next(live));
      live.step(b);
      fed.step(b);
    }
    expect(fed.score).toBe(live.score);
    expect(fed.lines).toBe(live.lines);
  });

  it('respects its time budget and returns 0 when behind', () => {
    const feeder = new DemoFeeder(0x5151, 5);
    let t = 0;
    feeder.fill(120, 5, () => (t += 10));
    expect(feeder.ahead).toBe(1);
    feeder.next();
    expect(feeder.next()).toBe(0);
  });
});
