import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { playGame } from '@tengen/bot';
import {
  FRAMES_PER_SECOND,
  MAX_PAUSES_PER_GAME,
  type GameMode,
  RECONNECT_SECONDS,
  type ServerMessage,
} from '@tengen/protocol';
import { SqliteScoreStore } from '@tengen/scores';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { Metrics } from '../metrics.ts';
import { replayFrames } from '../testing/replay-frames.ts';
import { seatAndStart } from '../testing/match-seats.ts';
import { Match } from './match.ts';
import { ScoreRecorder } from './score-recorder.ts';

// The real-time and copy rules as the room applies them, with an injected clock and a real store.

let dir: string;
let store: SqliteScoreStore;
let metrics: Metrics;
let now: number;
let sent: { id: string; msg: ServerMessage }[];
const log = createLogger('silent');
const SEED = 0x2222;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'match-rules-'));
  store = SqliteScoreStore.open(join(dir, 'db.sqlite'));
  metrics = new Metrics({ defaultMetrics: false });
  now = 1_000_000;
  sent = [];
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A match whose games (one per id) have started at level 19. */
function started(ids: string[], mode: GameMode = ids.length > 1 ? 'duo' : 'solo'): Match {
  const m = new Match({
    mode,
    capacity: ids.length,
    seed: SEED,
    newSeed: () => SEED ^ 0x0f00,
    code: '',
    now: () => now,
    recorder: new ScoreRecorder(store, metrics, log),
    metrics,
    log,
    send: (id, msg) => sent.push({ id, msg }),
  });
  return seatAndStart(m, ids);
}
const last = (id: string) => sent.filter((s) => s.id === id).at(-1)?.msg;
const unranked = (id: string) =>
  sent.filter((s) => s.id === id && s.msg.type === 'unranked').map((s) => s.msg);

/** Sends `frames` from `from` in 20-frame batches, the clock moving `speed` times real time. */
function play(m: Match, id: string, frames: number[], from = 0, speed = 1): void {
  for (let f = from; f < frames.length; f += 20) {
    const runs: [number, number][] = frames.slice(f, f + 20).map((b) => [1, b]);
    now += (runs.length * 1000) / FRAMES_PER_SECOND / speed;
    m.handle(id, { type: 'inputs', from: f, runs });
    if (m.state.players.get(id)?.phase === 'over') return;
  }
}

const game = playGame({ seed: SEED, startLevel: 19, maxFrames: 1500 }).replay;
/** The bot's game, then nothing held until the top-out. */
const frames = [...replayFrames(game.inputs), ...Array<number>(3000).fill(0)];

describe('Match: real-time rules', () => {
  it('unranks a slow-motion game with behindClock, plays on, and names the reason at submit', async () => {
    const m = started(['p']);
    play(m, 'p', frames, 0, 0.5);
    expect(unranked('p')).toEqual([
      {
        type: 'unranked',
        reason: 'behindClock',
        message: 'unranked: this game ran slower than real time',
      },
    ]);
    expect(m.state.players.get('p')).toMatchObject({ phase: 'over', ranked: false });
    await m.handle('p', { type: 'submit', name: 'slow' });
    expect(last('p')).toEqual({
      type: 'error',
      code: 'unranked',
      message: 'unranked: this game ran slower than real time',
    });
    expect(await metrics.registry.getSingleMetricAsString('tengen_unranked_games_total')).toMatch(
      /reason="behindClock"} 1/,
    );
  });

  it('charges a duo pause to the player who asked for it: the pauser is unranked, the others stay ranked', () => {
    const m = started(['a', 'b', 'c']);
    // a and b play the bot's game, c holds nothing and tops out first.
    let f = 0;
    const step = () => {
      now += (20 * 1000) / FRAMES_PER_SECOND;
      for (const id of ['a', 'b', 'c']) {
        if (m.state.players.get(id)?.phase !== 'playing') continue;
        const runs: [number, number][] = [[20, 0]];
        m.handle(id, {
          type: 'inputs',
          from: f,
          runs: id === 'c' ? runs : frames.slice(f, f + 20).map((x) => [1, x]),
        });
      }
      f += 20;
    };
    while (m.state.players.get('c')?.phase !== 'over') step();
    expect(m.state.players.get('a')?.phase).toBe('playing');
    // b pauses once more than allowed (a resumes each time): only b pays.
    for (let i = 0; i <= MAX_PAUSES_PER_GAME; i++) {
      m.handle('b', { type: 'pause', paused: true });
      now += 500;
      m.handle('a', { type: 'pause', paused: false });
    }
    expect(unranked('b')).toEqual([expect.objectContaining({ reason: 'pauseLimit' })]);
    // Play goes on in real time: the frozen time cost a nothing, on either side of the clock.
    for (let i = 0; i < 30; i++) step();
    for (const id of ['a', 'c']) {
      expect(unranked(id)).toEqual([]);
      expect(m.state.players.get(id)?.ranked).toBe(true);
    }
  });

  it(`credits a drop up to ${RECONNECT_SECONDS} s: a client that resumes where the server stopped stays ranked`, () => {
    const m = started(['p']);
    play(m, 'p', frames.slice(0, 600));
    m.drop('p', RECONNECT_SECONDS);
    now += (RECONNECT_SECONDS - 1) * 1000;
    const resume = m.reconnect('p');
    expect(resume).toMatchObject({ type: 'resume', nextFrame: 600 });
    play(m, 'p', frames, 600);
    expect(unranked('p')).toEqual([]);
  });

  it('does not credit a drop beyond the reconnection window', () => {
    const m = started(['p']);
    play(m, 'p', frames.slice(0, 600));
    m.drop('p', RECONNECT_SECONDS);
    now += (RECONNECT_SECONDS + 4) * 1000; // 4 s over the window: more than the 3 s budget
    m.reconnect('p');
    play(m, 'p', frames, 600);
    expect(unranked('p')).toEqual([expect.objectContaining({ reason: 'behindClock' })]);
  });
});

describe('Match: copied games', () => {
  it('refuses a copy of a stored game of the same seed and level from another mode, under another name', async () => {
    const solo = started(['v'], 'solo');
    play(solo, 'v', frames);
    await solo.handle('v', { type: 'submit', name: 'victim' });
    expect(last('v')).toMatchObject({ type: 'submitted', rank: 1 });

    const duo = started(['t', 'x'], 'duo');
    play(duo, 't', frames);
    expect(duo.state.players.get('t')).toMatchObject({ phase: 'over', ranked: true });
    await duo.handle('t', { type: 'submit', name: 'thief' });
    expect(last('t')).toEqual({
      type: 'error',
      code: 'copiedGame',
      message: 'this game copies a stored game, it cannot be ranked',
    });
    expect(await store.topScores('duo', 10)).toEqual([]);
    expect(await metrics.registry.getSingleMetricAsString('tengen_copied_games_total')).toMatch(
      / 1$/m,
    );
  });
});
