import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { formatSocketCosts, measureSocketCosts } from './socket-costs.ts';

describe('socket-costs (the capacity benchmark’s machine gauge)', () => {
  it('measures real writes and reads between two pinned processes', async () => {
    const c = await measureSocketCosts({
      writerCore: 0,
      // The other core where there is one (the benchmark's layout), else the same.
      readerCore: availableParallelism() > 1 ? 1 : 0,
      seconds: 1,
      rate: 500,
      sockets: 20,
      bytes: 40,
    });
    expect(c.rate).toBeGreaterThan(0);
    // Each side spent CPU on the frames, most of it in the kernel's TCP path.
    expect(c.write.user + c.write.system).toBeGreaterThan(0);
    expect(c.read.user + c.read.system).toBeGreaterThan(0);
    expect(c.readsPerMessage).toBeGreaterThan(0);
    expect(formatSocketCosts(c)).toMatch(/write \d+\.\d us \(kernel \d+\.\d\), read \d+\.\d us/);
  }, 30_000);

  it('prints the rate, both sides and the reads a frame', () => {
    const line = formatSocketCosts({
      rate: 16_001.6,
      write: { user: 3.31, system: 7.72 },
      read: { user: 5.4, system: 4.3 },
      readsPerMessage: 0.996,
    });
    expect(line).toBe(
      'a 16,002/s stream of small frames over loopback TCP: write 11.0 us (kernel 7.7), ' +
        'read 9.7 us (kernel 4.3) per frame (1.00 reads a frame)',
    );
  });
});
