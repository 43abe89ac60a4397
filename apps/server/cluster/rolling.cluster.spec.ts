import { describe, expect, it } from 'vitest';
import { endRun, expectStoredOnce, sleep, startRun, useFleet } from './cluster-run.ts';
import { longWaitCauses, notStored, retryCounts, slowest } from './figures.ts';
import { DRAIN_SECONDS, type Replacement } from './fleet.ts';

/**
 * The longest a player may wait for a match, from the first matchmaking call to the game's start
 * (retries and rooms closed under the player included), during the whole rolling restart.
 */
const MAX_WAIT_MS = 5_000;
/** Bots (half solo, half duo quick match): the "at least 100". */
const PLAYERS = 100;

const fleet = useFleet(3);

describe('three processes behind nginx, replaced one at a time while 100 bots play', () => {
  it('loses no game, stores every verified score exactly once, and matches every player quickly', async () => {
    const run = startRun(fleet(), PLAYERS);
    const { crowd } = run;
    // Long enough for every pod to host games (a game lasts about 8 s).
    await sleep(6_000);

    const replaced: (Replacement & { inProgress: number })[] = [];
    // A StatefulSet's rolling update: highest ordinal first, one pod at a time.
    for (const i of [2, 1, 0]) {
      const inProgress = crowd.games.filter((g) => g.slot === i && !g.done).length;
      replaced.push({ ...(await fleet().replace(i)), inProgress });
    }
    // Players match on the last new process too before the crowd stops.
    await sleep(3_000);
    const { figures, stored, loadPerCore, durationS } = await endRun(fleet(), run);
    const waitsOver = (ms: number) => crowd.games.filter((g) => g.waitMs > ms).length;
    console.log(
      JSON.stringify({
        run: 'rolling restart',
        players: PLAYERS,
        ...figures,
        storedRows: stored.length,
        waitsOver2s: waitsOver(2_000),
        waitsOver5s: waitsOver(5_000),
        requeues: crowd.requeues,
        matchmakingRetries: retryCounts(crowd.retries),
        unmatchedAtStop: crowd.unmatchedAtStop,
        loadPerCore,
        durationS,
        drains: replaced.map((r) => ({
          slot: r.slot,
          gamesInProgress: r.inProgress,
          drainMs: r.drainMs,
          newProcessReadyMs: r.startMs,
        })),
      }),
    );
    // Where the long waits went (failed calls, rooms closed under the player on a leaving
    // process, the matchmaking call itself, time alone waiting for a partner), and the slowest.
    console.log(
      JSON.stringify({
        causesOver2s: longWaitCauses(crowd.games, fleet().events, 2_000),
        slowest: slowest(crowd.games, 3, fleet().events),
      }),
    );

    expect(crowd.failures).toEqual([]);
    // Every process had games to drain, and each drain ended with its games, not at the deadline.
    for (const r of replaced) {
      expect(r.inProgress).toBeGreaterThan(0);
      expect(r.notReady).toBe(true);
      expect(r.exitCode).toBe(0);
      expect(r.drainMs).toBeLessThan(DRAIN_SECONDS * 1000);
    }
    expect(notStored(crowd.games)).toEqual([]);
    expect(figures.unrankedTooSlow).toBeLessThanOrEqual(figures.games / 10);
    expectStoredOnce(stored, crowd);
    expect(figures.games).toBeGreaterThanOrEqual(PLAYERS);
    expect(figures.gamesPerSlot.every((n) => n > 0)).toBe(true);
    expect(figures.longestWaitMs).toBeLessThanOrEqual(MAX_WAIT_MS);
    expect(crowd.unmatchedAtStop).toBeLessThanOrEqual(2);
  });
});
