import { CLOSE_CODE } from '@tengen/protocol';
import { describe, expect, it } from 'vitest';
import { endRun, expectStoredOnce, sleep, startRun, useFleet } from './cluster-run.ts';
import { notStored, retryCounts } from './figures.ts';

/** Colyseus's close code when a dropped seat cannot be taken back (`CloseCode.FAILED_TO_RECONNECT`). */
const RECONNECT_FAILED = 4003;
/** How long a SIGKILLed process's rooms may stay listed (sweep every 5 s + a 2 s health check). */
const MAX_CLEAR_MS = 15_000;
/** Bots: enough for games on every pod at the kill. */
const PLAYERS = 60;

const fleetOf3 = useFleet(3);

describe('one of three processes SIGKILLed mid-game', () => {
  it('tells its players, drops its rooms from the listings, and the others play on and store', async () => {
    const fleet = fleetOf3();
    const run = startRun(fleet, PLAYERS);
    const { crowd } = run;
    const victim = 1;
    const deadline = Date.now() + 60_000;
    while (crowd.games.filter((g) => g.slot === victim && !g.done).length < 4) {
      if (Date.now() > deadline) throw new Error('no games on the victim process');
      await sleep(250);
    }
    const listed = await fleet.listedRooms(victim);
    expect(listed.length).toBeGreaterThan(0);

    const killedAt = performance.now();
    await fleet.kill(victim);
    // The load balancer's health check fails: the slot gets no new traffic.
    await fleet.deregister(victim);
    let clearMs = -1;
    while (clearMs < 0) {
      if ((await fleet.listedRooms(victim)).length === 0) clearMs = performance.now() - killedAt;
      else if (performance.now() - killedAt > 60_000) break;
      else await sleep(200);
    }
    // Its games in progress: every game there that had not ended at the kill (nothing can start
    // on the slot between the kill and the restart).
    const restartedAt = performance.now();
    const onVictim = crowd.games.filter(
      (g) => g.slot === victim && g.startedAt < restartedAt && g.endedAt > killedAt,
    );
    // The kubelet restarts the container: the same pod name, a new process.
    await fleet.restart(victim);
    await Promise.all(onVictim.map((g) => g.player.until('closed', () => g.player.closed, 90_000)));
    // The others play on past the kill (new games start on the other processes).
    await sleep(2_000);
    const { figures, stored, loadPerCore, durationS } = await endRun(fleet, run);
    const victimIds = new Set(onVictim);
    const others = crowd.games.filter((g) => !victimIds.has(g));
    console.log(
      JSON.stringify({
        run: 'SIGKILL',
        players: PLAYERS,
        ...figures,
        storedRows: stored.length,
        listedOnVictimBeforeKill: listed.length,
        gamesInProgressOnVictim: onVictim.length,
        victimCloseCodes: [...new Set(onVictim.map((g) => g.player.closed?.code))],
        clearListingsMs: Math.round(clearMs),
        matchmakingRetries: retryCounts(crowd.retries),
        loadPerCore,
        durationS,
      }),
    );

    expect(crowd.failures).toEqual([]);
    expect(clearMs).toBeGreaterThanOrEqual(0);
    expect(clearMs).toBeLessThanOrEqual(MAX_CLEAR_MS);
    // The victim's players: the connection dropped, the client tried to take the seat back (games
    // over 1 s old, as the browser client does) and was refused: 4003, "the connection to the
    // server was lost" in the client. A younger game is closed at once (1006).
    expect(onVictim.length).toBeGreaterThan(0);
    for (const g of onVictim) {
      const young = killedAt - g.startedAt < 1_500;
      expect(g.outcome).toMatchObject({ kind: 'lost' });
      if (!young) expect(g.outcome).toMatchObject({ closeCode: RECONNECT_FAILED });
      expect(g.player.closed?.code).not.toBe(CLOSE_CODE.serverShutdown);
    }
    // Everyone else played on: every other game was stored, exactly once.
    expect(notStored(others)).toEqual([]);
    expectStoredOnce(stored, crowd);
    expect(others.filter((g) => g.startedAt > killedAt).length).toBeGreaterThan(0);
  });
});
