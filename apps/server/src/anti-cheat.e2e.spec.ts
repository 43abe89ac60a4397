import { CLOSE_CODE, MAX_BATCH_FRAMES } from '@tengen/protocol';
import { describe, expect, it } from 'vitest';
import { useServer } from '@tengen/test-kit/vitest';
import { startTestServer } from './testing/test-server.ts';
import { TestPlayer } from '@tengen/test-kit';

const server = useServer(() => startTestServer());

/** A solo player whose game has started at level 19. */
async function startedSolo(): Promise<TestPlayer> {
  const p = await TestPlayer.connect(server.url, 'create', 'solo');
  await p.startGame(19);
  return p;
}

/** Sends one message and returns the error it caused. */
async function refusal(p: TestPlayer, send: () => void) {
  const seen = p.messages.length;
  send();
  return p.message('error', seen);
}

describe('forged and impossible inputs', () => {
  it('refuses inputs before the game, gaps, unknown bits, oversized batches and bad payloads', async () => {
    const p = await TestPlayer.connect(server.url, 'create', 'solo');
    expect(await refusal(p, () => p.send('inputs', { from: 0, runs: [[1, 0]] }))).toMatchObject({
      code: 'wrongPhase',
    });
    p.send('ready');
    await p.message('start');
    p.send('inputs', { from: 0, runs: [[10, 0]] });
    await p.until('frame 10', () => p.me?.frame === 10);
    expect(await refusal(p, () => p.send('inputs', { from: 20, runs: [[1, 0]] }))).toMatchObject({
      code: 'badFrame',
      expectedFrame: 10,
    });
    expect(await refusal(p, () => p.send('inputs', { from: 5, runs: [[1, 0]] }))).toMatchObject({
      code: 'badFrame',
      expectedFrame: 10,
    });
    expect(await refusal(p, () => p.send('inputs', { from: 10, runs: [[1, 32]] }))).toMatchObject({
      code: 'unknownButtons',
    });
    expect(
      await refusal(p, () =>
        p.send('inputs', {
          from: 10,
          runs: [
            [MAX_BATCH_FRAMES, 0],
            [1, 4],
          ],
        }),
      ),
    ).toMatchObject({ code: 'batchTooLarge' });
    expect(await refusal(p, () => p.room.send('inputs', { from: 10, runs: 'lots' }))).toMatchObject(
      { code: 'malformed', message: expect.stringMatching(/^runs/) },
    );
    expect(await refusal(p, () => p.room.send('teleport', { x: 1 }))).toMatchObject({
      code: 'malformed',
    });
    expect(await refusal(p, () => p.send('submit', { name: 'x' }))).toMatchObject({
      code: 'notOver',
    });
    expect(p.me?.frame).toBe(10);
    expect(p.me?.ranked).toBe(true);
    await p.leave();
  });

  it('inputs ahead of the wall clock make the game unranked: play continues, submit is refused', async () => {
    const p = await startedSolo();
    const seen = p.messages.length;
    // 20 s of idle frames at once: a level-19 stack tops out long before that.
    for (let from = 0; from < 1200; from += 400) p.send('inputs', { from, runs: [[400, 0]] });
    const unranked = await p.message('unranked', seen);
    expect(unranked.reason).toBe('aheadOfClock');
    await p.until('the game went on to its top-out', () => p.me?.phase === 'over');
    expect(p.me?.ranked).toBe(false);
    expect(await refusal(p, () => p.send('submit', { name: 'cheater' }))).toMatchObject({
      code: 'unranked',
    });
    const metrics = await (await fetch(server.metricsUrl)).text();
    expect(metrics).toMatch(/tengen_unranked_games_total\{reason="aheadOfClock"\} 1/);
    await p.leave();
  });

  it('refuses names with bad characters, with a clear message', async () => {
    const p = await startedSolo();
    await p.play({ botFrames: 0, leadFrames: 170 });
    await p.until('over', () => p.me?.phase === 'over');
    expect(await refusal(p, () => p.send('submit', { name: 'Robert"); DROP' }))).toMatchObject({
      code: 'badName',
      message: expect.stringMatching(/only contain letters.*found "\\""/),
    });
    expect(await refusal(p, () => p.send('submit', { name: '   ' }))).toMatchObject({
      code: 'badName',
      message: 'name is empty',
    });
    expect(await refusal(p, () => p.send('submit', { name: 'x'.repeat(17) }))).toMatchObject({
      code: 'badName',
    });
    p.send('submit', { name: 'fine_name-1' });
    expect((await p.message('submitted')).rank).toBeGreaterThan(0);
    await p.leave();
  });

  it('disconnects a flooding client with a clear close reason', async () => {
    const p = await TestPlayer.connect(server.url, 'create', 'solo');
    for (let i = 0; i < 300; i++) p.send('selectLevel', { level: i % 20 });
    await p.until('closed', () => p.closed);
    expect(p.closed).toEqual({
      code: CLOSE_CODE.flooding,
      reason: 'too many messages: more than 60 per second',
    });
  });

  it('disconnects a client that keeps sending invalid messages', async () => {
    const p = await TestPlayer.connect(server.url, 'create', 'solo');
    for (let i = 0; i < 100; i++) p.room.send('inputs', { from: -i });
    await p.until('closed', () => p.closed);
    expect(p.closed?.code).toBe(CLOSE_CODE.tooManyErrors);
  });
});
