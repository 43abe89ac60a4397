import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { DeadProcessSweeper } from './dead-process-sweeper.ts';

const log = pino({ level: 'silent' });

describe('DeadProcessSweeper', () => {
  it('sweeps every interval, one round at a time, and stops', async () => {
    let rounds = 0;
    let inFlight = 0;
    let overlap = false;
    const sweeper = new DeadProcessSweeper(log, {
      intervalMs: 20,
      sweep: async () => {
        rounds++;
        inFlight++;
        overlap ||= inFlight > 1;
        await new Promise((r) => setTimeout(r, 50));
        inFlight--;
      },
    });
    await new Promise((r) => setTimeout(r, 300));
    await sweeper.stop();
    const after = rounds;
    await new Promise((r) => setTimeout(r, 100));
    expect(after).toBeGreaterThanOrEqual(2);
    expect(rounds).toBe(after);
    expect(overlap).toBe(false);
  });

  it('a failing round is logged, never thrown, and the next one runs', async () => {
    let calls = 0;
    const sweeper = new DeadProcessSweeper(log, {
      intervalMs: 60_000,
      sweep: () => (++calls === 1 ? Promise.reject(new Error('redis down')) : Promise.resolve()),
    });
    // The first round started with the sweeper: this call shares it.
    await expect(sweeper.check()).resolves.toBeUndefined();
    await expect(sweeper.check()).resolves.toBeUndefined();
    expect(calls).toBe(2);
    await sweeper.stop();
  });
});
