import { describe, expect, it } from 'vitest';
import type { SessionNotice } from '../game/backend.ts';
import { FakeLink } from './fake-link.ts';
import { OnlineSession } from './online-session.ts';
import { OnlineSolo } from './online-solo.ts';

/** Frames covered by the `inputs` messages sent, in order, as [from, frames]. */
function coverage(link: FakeLink): [number, number][] {
  return link.sentOf('inputs').map((b) => [b.from, b.runs.reduce((a, [n]) => a + n, 0)]);
}

describe('OnlineSolo', () => {
  it('picks the level, readies and starts on the server seed', async () => {
    const link = new FakeLink();
    const solo = new OnlineSolo(link);
    const started = solo.start(7, () => []);
    expect(link.sent.map((s) => s.type)).toEqual(['selectLevel', 'ready']);
    expect(link.sentOf('selectLevel')).toEqual([{ level: 7 }]);
    link.serverSends({ type: 'start', seed: 0x1234, startLevel: 7 });
    await expect(started).resolves.toEqual({ seed: 0x1234, startLevel: 7 });
  });

  it('streams every frame contiguously and flushes before a pause and at game over', async () => {
    const link = new FakeLink();
    const solo = new OnlineSolo(link);
    const started = solo.start(0, () => []);
    link.serverSends({ type: 'start', seed: 1, startLevel: 0 });
    await started;
    for (let f = 0; f < 50; f++) solo.frame(f, f < 20 ? 0 : 2);
    solo.pause(true);
    const pauses = link.sent.findIndex((s) => s.type === 'pause');
    const covered = coverage(link);
    expect(covered.reduce((a, [, n]) => a + n, 0)).toBe(50);
    expect(link.sent.slice(pauses + 1).some((s) => s.type === 'inputs')).toBe(false);
    for (let f = 50; f < 53; f++) solo.frame(f, 1);
    solo.gameOver();
    expect(coverage(link).at(-1)).toEqual([50, 3]);
  });

  it('re-sends from the recording when the server is missing frames', async () => {
    const link = new FakeLink();
    const solo = new OnlineSolo(link);
    const recorded: [number, number][] = [[30, 0]];
    const started = solo.start(0, () => recorded);
    link.serverSends({ type: 'start', seed: 1, startLevel: 0 });
    await started;
    for (let f = 0; f < 30; f++) solo.frame(f, 0);
    link.sent.length = 0;
    link.serverSends({ type: 'error', code: 'badFrame', message: 'expected 12', expectedFrame: 12 });
    expect(coverage(link)).toEqual([[12, 18]]);
    // A burst of refusals for the same gap (stale batches) re-sends once.
    link.sent.length = 0;
    link.serverSends({ type: 'error', code: 'badFrame', message: 'expected 12', expectedFrame: 12 });
    expect(coverage(link)).toEqual([]);
    link.sent.length = 0;
    link.serverSends({ type: 'resume', snapshot: {}, nextFrame: 25, seed: 1, startLevel: 0 });
    expect(coverage(link)).toEqual([[25, 5]]);
  });

  it('holds batches back while disconnected and sends the gap after the reconnection', async () => {
    const link = new FakeLink();
    const solo = new OnlineSolo(link);
    const recorded: [number, number][] = [];
    const started = solo.start(0, () => recorded);
    link.serverSends({ type: 'start', seed: 1, startLevel: 0 });
    await started;
    const step = (f: number, b: number): void => {
      const last = recorded.at(-1);
      if (last && last[1] === b) last[0]++;
      else recorded.push([1, b]);
      solo.frame(f, b);
    };
    for (let f = 0; f < 20; f++) step(f, 0);
    solo.gameOver(); // flush: frames 0..19 sent
    link.drop();
    link.sent.length = 0;
    for (let f = 20; f < 60; f++) step(f, f % 7 === 0 ? 1 : 0);
    expect(coverage(link)).toEqual([]);
    link.reconnect();
    link.serverSends({ type: 'resume', snapshot: {}, nextFrame: 20, seed: 1, startLevel: 0 });
    expect(coverage(link)).toEqual([[20, 40]]);
  });

  it('submits and reports the rank, or the refusal', async () => {
    const link = new FakeLink();
    const solo = new OnlineSolo(link);
    const ok = solo.submit('ann');
    expect(link.sentOf('submit')).toEqual([{ name: 'ann' }]);
    link.serverSends({ type: 'submitted', rank: 3, replayId: 'abc', score: 1200 });
    await expect(ok).resolves.toEqual({ rank: 3, replayId: 'abc', score: 1200 });
    const bad = solo.submit('ann');
    link.serverSends({ type: 'error', code: 'alreadySubmitted', message: 'this game was already submitted' });
    await expect(bad).rejects.toThrow('already submitted');
  });
});

describe('OnlineSession notices', () => {
  it('reports drops, reconnections, restarts, unranked games and lost rooms', () => {
    const link = new FakeLink();
    const s = new OnlineSession(link);
    const seen: SessionNotice[] = [];
    s.onNotice((n) => seen.push(n));
    link.drop();
    link.reconnect();
    link.serverSends({ type: 'serverRestarting', seconds: 30 });
    link.serverSends({ type: 'unranked', reason: 'aheadOfClock', message: 'too fast' });
    link.leaveWith('serverShutdown', 4001);
    expect(seen.map((n) => n.kind)).toEqual(['dropped', 'reconnected', 'serverRestarting', 'unranked', 'lost']);
    expect(s.draining).toBe(true);
    expect(s.submitBlocked()).toContain('unranked');
    expect(seen.at(-1)).toMatchObject({ message: expect.stringContaining('server restarted') });
  });

  it('a leave on purpose is not news, and dispose leaves the room', () => {
    const link = new FakeLink();
    const s = new OnlineSession(link);
    const seen: SessionNotice[] = [];
    s.onNotice((n) => seen.push(n));
    link.leaveWith('consented', 4000);
    expect(seen).toEqual([]);
    s.dispose();
    expect(link.left).toBe(true);
  });
});
