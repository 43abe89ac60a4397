import type { IRoomCache } from '@colyseus/core';
import { describe, expect, it } from 'vitest';
import { LIVE_LISTING_MAX_AGE_MS, LiveListing } from './live-listing.ts';

/** A listed public room with a published live summary. */
const room = (roomId: string, name: 'solo' | 'duo', createdAt: number): IRoomCache =>
  ({
    roomId,
    name,
    private: false,
    locked: false,
    clients: 1,
    maxClients: 2,
    createdAt: new Date(createdAt),
    metadata: {
      live: true,
      mode: name,
      players: [{ phase: 'playing', level: 9, score: 100, lines: 2 }],
      spectators: 0,
    },
  }) as unknown as IRoomCache;

/** A scan of a room list the test changes, counting its calls; `fail` makes the next one throw. */
function rooms() {
  const state = { list: [] as IRoomCache[], scans: 0, fail: false };
  const scan = () => {
    state.scans++;
    if (state.fail) return Promise.reject(new Error('redis is down'));
    return Promise.resolve([...state.list]);
  };
  return { state, scan };
}

describe('the Live listing', () => {
  it('answers every request within its age from one scan, then scans again', async () => {
    let now = 0;
    const { state, scan } = rooms();
    const listing = new LiveListing(scan, () => now);
    state.list = [room('A', 'solo', 1)];
    expect((await listing.games()).map((g) => g.roomId)).toEqual(['A']);
    state.list.push(room('B', 'duo', 2));
    now = LIVE_LISTING_MAX_AGE_MS - 1;
    for (let i = 0; i < 50; i++) await listing.games();
    expect(state.scans).toBe(1);
    expect((await listing.games()).map((g) => g.roomId)).toEqual(['A']);
    now = LIVE_LISTING_MAX_AGE_MS;
    expect((await listing.games()).map((g) => g.roomId)).toEqual(['B', 'A']);
    expect(state.scans).toBe(2);
  });

  it('shares one scan between requests that arrive during it', async () => {
    const { state, scan } = rooms();
    const listing = new LiveListing(scan, () => 0);
    state.list = [room('A', 'duo', 1)];
    const answers = await Promise.all(Array.from({ length: 20 }, () => listing.games()));
    expect(state.scans).toBe(1);
    expect(answers.every((a) => a.length === 1 && a[0]?.roomId === 'A')).toBe(true);
  });

  it('filters by mode from the same scan, and a caller cannot change what others get', async () => {
    const { state, scan } = rooms();
    const listing = new LiveListing(scan, () => 0);
    state.list = [room('S', 'solo', 1), room('D', 'duo', 2)];
    expect((await listing.games('solo')).map((g) => g.roomId)).toEqual(['S']);
    const all = await listing.games();
    all.length = 0;
    expect((await listing.games()).map((g) => g.roomId)).toEqual(['D', 'S']);
    expect((await listing.games('duo')).map((g) => g.roomId)).toEqual(['D']);
    expect(state.scans).toBe(1);
  });

  it('keeps no failed scan: the request fails, the next one scans again', async () => {
    const { state, scan } = rooms();
    const listing = new LiveListing(scan, () => 0);
    state.fail = true;
    await expect(listing.games()).rejects.toThrow('redis is down');
    state.fail = false;
    state.list = [room('A', 'solo', 1)];
    expect((await listing.games()).map((g) => g.roomId)).toEqual(['A']);
    expect(state.scans).toBe(2);
  });
});
