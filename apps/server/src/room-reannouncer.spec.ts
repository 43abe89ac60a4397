import { RedisPresence } from '@colyseus/redis-presence';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RoomReannouncer } from './room-reannouncer.ts';
import { startRedis, type TestRedis } from './testing/redis-server.ts';

let redis: TestRedis;
let presence: RedisPresence;
beforeAll(async () => {
  redis = await startRedis();
  presence = new RedisPresence(redis.url);
});
afterAll(async () => {
  presence?.shutdown();
  await redis?.stop();
});

describe('RoomReannouncer (real redis-server)', () => {
  it('re-announces only after Redis lost the marker (FLUSHALL, no reconnect), and survives Redis being down', async () => {
    let rounds = 0;
    const r = new RoomReannouncer(presence, pino({ level: 'silent' }), {
      intervalMs: 60_000, // rounds driven by hand
      reannounce: async () => void rounds++,
    });
    await r.check();
    expect(rounds).toBe(0); // the first marker is not a loss
    expect((await redis.cli('ttl', r.markerKey)).trim()).not.toBe('-2');
    await r.check();
    expect(rounds).toBe(0);

    await redis.cli('flushall');
    await r.check();
    expect(rounds).toBe(1);
    expect((await redis.cli('exists', r.markerKey)).trim()).toBe('1');
    await r.check();
    expect(rounds).toBe(1);

    await redis.cli('shutdown', 'nosave');
    const started = Date.now();
    await r.check(); // times out quietly
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(rounds).toBe(1);

    redis = await startRedis(redis.port);
    for (let i = 0; i < 50 && rounds === 1; i++) {
      await r.check();
      await new Promise((res) => setTimeout(res, 100));
    }
    expect(rounds).toBe(2);
    await r.stop();
    expect((await redis.cli('exists', r.markerKey)).trim()).toBe('0');
  });
});
