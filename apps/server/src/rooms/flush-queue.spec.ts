import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { flushSoon } from './flush-queue.ts';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('flushSoon', () => {
  it('runs each flush once, in order, after the code that queued it, as setImmediate does', async () => {
    const log: string[] = [];
    flushSoon(() => log.push('a'));
    setImmediate(() => log.push('immediate'));
    flushSoon(() => log.push('b'));
    log.push('sync');
    await turn();
    await turn();
    // Both flushes share the setImmediate queued first, so they run before the one queued between.
    expect(log).toEqual(['sync', 'a', 'b', 'immediate']);
  });

  it('runs a flush queued by a flush in the next turn, after immediates queued before it', async () => {
    const log: string[] = [];
    flushSoon(() => {
      log.push('first');
      flushSoon(() => log.push('queued by first'));
      setImmediate(() => log.push('immediate after'));
    });
    for (let i = 0; i < 4; i++) await turn();
    expect(log).toEqual(['first', 'queued by first', 'immediate after']);
  });

  it("lets every other room flush when one throws, and the error is the process's, as before", () => {
    const queue = fileURLToPath(new URL('./flush-queue.ts', import.meta.url));
    const script = `
      const { flushSoon } = await import(${JSON.stringify(queue)});
      process.on('uncaughtException', (err) => console.log('uncaught', err.message));
      flushSoon(() => console.log('room 1'));
      flushSoon(() => { throw new Error('room 2 failed'); });
      flushSoon(() => console.log('room 3'));
      setTimeout(() => flushSoon(() => console.log('later')), 20);
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.stdout.trim().split('\n')).toEqual([
      'room 1',
      'room 3',
      'uncaught room 2 failed',
      'later',
    ]);
  });
});
