import { MAX_PAUSES_PER_GAME } from '@tengen/protocol';
import { TestPlayer } from '@tengen/test-kit';
import { describe, expect, it } from 'vitest';
import { useServer } from '@tengen/test-kit/vitest';
import { liveFrames, sendPaced, type FrameSource } from './testing/paced-inputs.ts';
import { startTestServer } from './testing/test-server.ts';
import { pauseFor } from './testing/pause-for.ts';

// The real-time rules over real sockets: games sent at a controlled pace against the real server.

const server = useServer(() => startTestServer());

/** A solo player whose game has started at level 19, and the frames of a whole game for it. */
async function started(botFrames: number): Promise<{ p: TestPlayer; frames: FrameSource }> {
  const p = await TestPlayer.connect(server.url, 'create', 'solo');
  p.send('selectLevel', { level: 19 });
  p.send('ready');
  await p.until('a started game', () => p.game);
  return { p, frames: liveFrames(p, botFrames) };
}

/** Submits once the game is over and returns the answer: `submitted` or the refusal. */
async function submit(p: TestPlayer, name: string) {
  await p.until('the top-out', () => p.me?.phase === 'over');
  return p.submit(name);
}

async function metrics(): Promise<string> {
  return (await fetch(server.metricsUrl)).text();
}

describe('real time both ways', () => {
  it('unranks a 0.5x slow-motion game while it plays, and refuses its submit with that reason', async () => {
    const { p, frames } = await started(1200);
    const seen = p.messages.length;
    // Half speed until the server objects (the budget is 3 s: after about 6 s), then on to the end.
    const caught = await sendPaced(p, frames, {
      speed: 0.5,
      stopWhen: () => p.messages.slice(seen).some((m) => m.type === 'unranked'),
    });
    const unranked = await p.message('unranked', seen);
    expect(unranked).toEqual({
      type: 'unranked',
      reason: 'behindClock',
      message: 'unranked: this game ran slower than real time',
    });
    // Caught while it played: within 10 s of half-speed play (the budget alone takes 6 s).
    expect(caught).toBeLessThan(300);
    expect(p.me?.ranked).toBe(false);
    // Play goes on (at any pace now): the game reaches its top-out on the server.
    const total = await sendPaced(p, frames, { speed: 50, fromFrame: caught });
    expect(caught).toBeLessThan(total - 200);
    expect(await submit(p, 'slowpoke')).toEqual({
      type: 'error',
      code: 'unranked',
      message: 'unranked: this game ran slower than real time',
    });
    expect(await metrics()).toMatch(/tengen_unranked_games_total\{reason="behindClock"\} 1/);
    await p.leave();
  }, 90_000);

  it('keeps an honest game ranked: 0.9x with batches up to 0.4 s late', async () => {
    const { p, frames } = await started(300);
    // About 10 s of play: 0.9x loses 1 s (60 frames), jitter adds up to 24: well inside 180.
    let k = 12345;
    const lateMs = () => (k = (k * 48271) % 2147483647) % 400;
    const sent = await sendPaced(p, frames, { speed: 0.9, lateMs });
    expect(p.game?.topOut).toBe(true);
    expect(sent).toBe(p.game?.frame);
    const answer = await submit(p, 'steady');
    expect(answer).toMatchObject({ type: 'submitted' });
    expect(p.messages.some((m) => m.type === 'unranked')).toBe(false);
    await p.leave();
  }, 60_000);

  it(`keeps a game with one short pause ranked`, async () => {
    const { p, frames } = await started(300);
    await sendPaced(p, frames, {
      speed: 1,
      beforeBatch: async (end) => {
        if (end >= 200 && end < 220) await pauseFor(p, 2000);
      },
    });
    expect(await submit(p, 'tea_break')).toMatchObject({ type: 'submitted' });
    await p.leave();
  }, 60_000);

  it(`unranks pausing as think time: more than ${MAX_PAUSES_PER_GAME} pauses`, async () => {
    const { p, frames } = await started(300);
    const seen = p.messages.length;
    const pauseAt = [100, 160, 220, 280];
    await sendPaced(p, frames, {
      speed: 1,
      beforeBatch: async (end) => {
        const next = pauseAt[0];
        if (next !== undefined && end >= next) {
          pauseAt.shift();
          await pauseFor(p, 300);
        }
      },
    });
    const text =
      'unranked: this game was paused too long or too often (a ranked game allows 3 pauses and 60 s paused or disconnected in all)';
    expect(await p.message('unranked', seen)).toEqual({
      type: 'unranked',
      reason: 'pauseLimit',
      message: text,
    });
    expect(await submit(p, 'thinker')).toEqual({ type: 'error', code: 'unranked', message: text });
    expect(await metrics()).toMatch(/tengen_unranked_games_total\{reason="pauseLimit"\} 1/);
    await p.leave();
  }, 60_000);
});
