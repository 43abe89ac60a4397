import { CLOSE_CODE } from '@tengen/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Crowd } from './crowd.ts';
import { notStored, retryCounts, submittedIds, summarize } from './figures.ts';
import { Fleet } from './fleet.ts';

/** Colyseus's close code when a dropped seat cannot be taken back (`CloseCode.FAILED_TO_RECONNECT`). */
const RECONNECT_FAILED = 4003;
/** How long a SIGKILLed process's rooms may stay listed (sweep every 5 s + a 2 s health check). */
const MAX_CLEAR_MS = 15_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let fleet: Fleet;
beforeAll(async () => {
  fleet = await Fleet.start(3);
});
afterAll(async () => {
  await fleet?.stop();
});

describe('one of three processes SIGKILLed mid-game', () => {
  it('tells its players, drops its rooms from the listings, and the others play on and store', async () => {
    const crowd = new Crowd({
      url: fleet.url,
      solo: 30,
      duo: 30,
      slotOf: (u) => fleet.slotOfUrl(u),
    });
    crowd.start();
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
    await sleep(3_000);
    await crowd.stop();
    await fleet.stopServers();

    const figures = summarize(crowd.games);
    const stored = await fleet.db.storedGameIds();
    const victimIds = new Set(onVictim);
    const others = crowd.games.filter((g) => !victimIds.has(g));
    console.log(
      JSON.stringify({
        run: 'SIGKILL',
        players: 60,
        ...figures,
        storedRows: stored.length,
        listedOnVictimBeforeKill: listed.length,
        gamesInProgressOnVictim: onVictim.length,
        victimCloseCodes: [...new Set(onVictim.map((g) => g.player.closed?.code))],
        clearListingsMs: Math.round(clearMs),
        matchmakingRetries: retryCounts(crowd.retries),
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
    expect(new Set(stored).size).toBe(stored.length);
    expect([...stored].sort()).toEqual([...submittedIds(crowd.games)].sort());
    expect(others.filter((g) => g.startedAt > killedAt).length).toBeGreaterThan(0);
  });
});
