import { cpus, loadavg } from 'node:os';
import { afterAll, beforeAll, expect } from 'vitest';
import { Crowd } from './crowd.ts';
import { submittedIds, summarize } from './figures.ts';
import { Fleet } from './fleet.ts';

/** Waits `ms`. */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The fleet a cluster spec plays on: three pods behind nginx, with Redis and the database,
 * started before the spec's tests and stopped (every process, nginx, Redis, the database, the
 * temporary folder) after them. Returns the running fleet's getter.
 */
export function useFleet(size = 3): () => Fleet {
  let fleet: Fleet | undefined;
  beforeAll(async () => {
    fleet = await Fleet.start(size);
  });
  afterAll(async () => {
    await fleet?.stop();
  });
  return () => {
    if (!fleet) throw new Error('the fleet did not start');
    return fleet;
  };
}

/** One run: its bots, and when and at what load it started. */
export interface Run {
  crowd: Crowd;
  startedAt: number;
  loadAtStart: number;
}

/** The one-minute load average per core now (printed beside each figure). */
export function loadPerCore(): number {
  return Math.round((loadavg()[0]! / cpus().length) * 10) / 10;
}

/** Starts `players` bots (half solo, half duo quick match) through the fleet's nginx. */
export function startRun(fleet: Fleet, players: number): Run {
  const half = Math.floor(players / 2);
  const crowd = new Crowd({
    url: fleet.url,
    solo: players - half,
    duo: half,
    slotOf: (u) => fleet.slotOfUrl(u),
  });
  const run = { crowd, startedAt: performance.now(), loadAtStart: loadPerCore() };
  crowd.start();
  return run;
}

/**
 * Ends a run: no new games, every bot finishes the game it plays, every process drains and exits;
 * then the figures (with the load at both ends and the run's duration) and the stored game ids.
 */
export async function endRun(fleet: Fleet, run: Run) {
  const load = { start: run.loadAtStart, end: loadPerCore() };
  await run.crowd.stop();
  await fleet.stopServers();
  return {
    figures: summarize(run.crowd.games),
    stored: await fleet.db.storedGameIds(),
    loadPerCore: load,
    durationS: Math.round((performance.now() - run.startedAt) / 100) / 10,
  };
}

/** Exactly once: the database holds each game a bot was told was stored, once, and nothing else. */
export function expectStoredOnce(stored: readonly string[], crowd: Crowd): void {
  expect(new Set(stored).size).toBe(stored.length);
  expect([...stored].sort()).toEqual([...submittedIds(crowd.games)].sort());
}
