import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINE_VERSION, SeededPieces } from '@tengen/engine';
import {
  FRAMES_PER_SECOND,
  PIECES_AHEAD,
  type GameMode,
  type ServerMessage,
} from '@tengen/protocol';
import { SqliteScoreStore } from '@tengen/scores';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { Metrics } from '../metrics.ts';
import { seatAndStart } from '../testing/match-seats.ts';
import { Match } from './match.ts';
import { ScoreRecorder } from './score-recorder.ts';

let dir: string;
let store: SqliteScoreStore;
let now: number;
let sent: { id: string; msg: ServerMessage }[];
let seeds: number[];
/** When each player's current game started (its `start` message), for `send`'s clock. */
const startedAt = new Map<string, number>();
const log = createLogger('silent');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'match-duo-'));
  store = SqliteScoreStore.open(join(dir, 'db.sqlite'));
  now = 1_000_000;
  sent = [];
  seeds = [0x1235, 0x0777, 0x4242, 0x0101]; // the first deals the room's pieces: must be skipped
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A duo match with both players seated, ready at level 19, games started. */
function startedDuo(): Match {
  return seatAndStart(
    newMatch('duo', () => seeds.shift() ?? 0x0999),
    ['a', 'b'],
  );
}

/** A match on this file's store and clock that notes when each game starts; `newSeed` deals after the first. */
function newMatch(mode: GameMode, newSeed: () => number): Match {
  const metrics = new Metrics({ defaultMetrics: false });
  return new Match({
    mode,
    capacity: mode === 'duo' ? 2 : 1,
    seed: 0x1234,
    newSeed,
    code: '',
    now: () => now,
    recorder: new ScoreRecorder(store, metrics, log),
    metrics,
    log,
    send: (id, msg) => {
      if (msg.type === 'start') startedAt.set(id, now);
      sent.push({ id, msg });
    },
  });
}

/** The pieces a game of `seed` is dealt at its start. */
const dealt = (seed: number) => new SeededPieces(seed).slice(0, 2 + PIECES_AHEAD);
const last = (id: string) => sent.filter((s) => s.id === id).at(-1)?.msg;
const player = (m: Match, id: string) => m.state.players.get(id)!;

/**
 * Sends `runs` from the player's next frame at exactly real time for that player's game: the clock
 * reads its game's start plus the frames played (each game keeps pace with the wall clock, so the
 * real-time rules never get in the way of the result rules tested here).
 */
function send(m: Match, id: string, runs: [number, number][]): void {
  const from = player(m, id).frame;
  const frames = runs.reduce((n, [c]) => n + c, 0);
  now = startedAt.get(id)! + ((from + frames) * 1000) / FRAMES_PER_SECOND;
  m.handle(id, { type: 'inputs', from, runs });
}

/** No buttons until the stack tops out: score 0 (about 490 frames at level 19). */
function topOutIdle(m: Match, id: string): void {
  while (player(m, id).phase === 'playing') send(m, id, [[600, 0]]);
}

/** Soft drops (Down pressed afresh for each piece) score a few points: some, then a top-out. */
function dropFor(m: Match, id: string, frames: number): void {
  const runs: [number, number][] = [];
  for (let f = 0; f < frames; f += 30) runs.push([28, 4], [2, 0]);
  while (runs.length > 0 && player(m, id).phase === 'playing') send(m, id, runs.splice(0, 40));
}

/** Soft drops until the first points (a locked piece), still playing. */
function scoreSome(m: Match, id: string): void {
  while (player(m, id).score === 0)
    send(m, id, [
      [28, 4],
      [2, 0],
    ]);
}

const series = (m: Match, id: string) => {
  const p = player(m, id);
  return { wins: p.wins, losses: p.losses, draws: p.draws };
};

/** The series credits `winner` with a win and `loser` with a loss (their first game). */
function expectSeriesWin(m: Match, winner: string, loser: string): void {
  expect(series(m, winner)).toEqual({ wins: 1, losses: 0, draws: 0 });
  expect(series(m, loser)).toEqual({ wins: 0, losses: 1, draws: 0 });
}

describe('duo results', () => {
  it('both topped out: the higher score wins, and the series counts it', () => {
    const m = startedDuo();
    dropFor(m, 'a', 10_000);
    expect(player(m, 'a')).toMatchObject({ phase: 'over' });
    expect(player(m, 'a').score).toBeGreaterThan(0);
    expect(m.state.result).toBe('pending'); // b could still pass
    topOutIdle(m, 'b');
    expect(m.state).toMatchObject({ result: 'scores', winner: 'a' });
    expectSeriesWin(m, 'a', 'b');
  });

  it('equal scores are a draw', () => {
    const m = startedDuo();
    topOutIdle(m, 'a');
    topOutIdle(m, 'b');
    expect(m.state).toMatchObject({ result: 'scores', winner: '' });
    expect(series(m, 'a')).toEqual({ wins: 0, losses: 0, draws: 1 });
    expect(series(m, 'b')).toEqual({ wins: 0, losses: 0, draws: 1 });
  });

  it('the survivor wins the moment it passes, plays on and can still submit', async () => {
    const m = startedDuo();
    topOutIdle(m, 'a');
    expect(m.state.result).toBe('pending');
    send(m, 'b', [[10, 0]]); // level with a at 0: not passed
    expect(m.state.result).toBe('pending');
    scoreSome(m, 'b');
    expect(player(m, 'b').score).toBeGreaterThan(0);
    expect(player(m, 'b').phase).toBe('playing');
    expect(m.state).toMatchObject({ result: 'passed', winner: 'b' });
    dropFor(m, 'b', 10_000); // topping out later changes nothing
    expect(m.state).toMatchObject({ result: 'passed', winner: 'b' });
    expect(series(m, 'b')).toEqual({ wins: 1, losses: 0, draws: 0 });
    await m.handle('b', { type: 'submit', name: 'survivor' });
    expect(last('b')).toMatchObject({ type: 'submitted', rank: 1 });
  });

  it('a drop decides nothing; leaving for good loses an undecided game, whatever the scores', () => {
    const m = startedDuo();
    dropFor(m, 'a', 10_000); // a is over with points, b has none yet
    m.drop('a', 20);
    expect(m.state.result).toBe('pending');
    m.leave('a'); // the reconnection window ran out (or a left on purpose)
    expect(last('b')).toEqual({ type: 'opponentLeft' });
    expect(m.state).toMatchObject({ result: 'forfeit', winner: 'b' });
    expectSeriesWin(m, 'b', 'a');
  });

  it('leaving after the result changes nothing but tells the other player', () => {
    const m = startedDuo();
    topOutIdle(m, 'a');
    scoreSome(m, 'b');
    expect(m.state.winner).toBe('b');
    m.leave('b');
    expect(last('a')).toEqual({ type: 'opponentLeft' });
    expect(m.state).toMatchObject({ result: 'passed', winner: 'b' });
    expect(series(m, 'a')).toEqual({ wins: 0, losses: 1, draws: 0 });
    m.handle('a', { type: 'rematch' });
    expect(last('a')).toMatchObject({ type: 'error', code: 'wrongPhase' });
    expect((last('a') as { message: string }).message).toMatch(/opponent left/);
  });
});

describe('duo rematch', () => {
  it('starts only when both ask, with a new sequence for both; the series carries on', () => {
    const m = startedDuo();
    m.handle('a', { type: 'restart' });
    expect(last('a')).toMatchObject({ type: 'error', code: 'wrongPhase' });
    m.handle('a', { type: 'rematch' });
    expect(last('a')).toMatchObject({ type: 'error', code: 'wrongPhase' }); // still playing
    topOutIdle(m, 'a');
    m.handle('a', { type: 'rematch' });
    m.handle('a', { type: 'rematch' }); // a double click is no error
    expect(last('a')).toMatchObject({ type: 'error', code: 'wrongPhase' }); // the earlier refusal
    expect(player(m, 'a').rematch).toBe(true);
    expect(player(m, 'b').rematch).toBe(false);
    dropFor(m, 'b', 10_000);
    expect(m.state.winner).toBe('b');
    expect(sent.filter((s) => s.msg.type === 'start')).toHaveLength(2); // only the first game's
    m.handle('b', { type: 'rematch' });
    expect(last('a')).toEqual({
      type: 'start',
      startLevel: 19,
      pieces: dealt(0x0777),
      engineVersion: ENGINE_VERSION,
    });
    expect(last('b')).toEqual({
      type: 'start',
      startLevel: 19,
      pieces: dealt(0x0777),
      engineVersion: ENGINE_VERSION,
    });
    expect(m.state).toMatchObject({ result: 'pending', winner: '' });
    for (const id of ['a', 'b'])
      expect(player(m, id)).toMatchObject({ phase: 'playing', rematch: false, frame: 0 });
    expect(series(m, 'b')).toEqual({ wins: 1, losses: 0, draws: 0 });

    topOutIdle(m, 'b');
    dropFor(m, 'a', 10_000);
    expect(series(m, 'a')).toEqual({ wins: 1, losses: 1, draws: 0 });
    expect(series(m, 'b')).toEqual({ wins: 1, losses: 1, draws: 0 });
  });

  it('a game not submitted before the rematch starts can no longer be submitted', async () => {
    const m = startedDuo();
    dropFor(m, 'a', 10_000);
    topOutIdle(m, 'b');
    m.handle('a', { type: 'rematch' });
    m.handle('b', { type: 'rematch' });
    await m.handle('a', { type: 'submit', name: 'too late' });
    expect(last('a')).toMatchObject({ type: 'error', code: 'notOver' });
    expect(await store.topScores('duo', 10)).toEqual([]);
  });

  it('a player back after a drop resumes the rematch, with its new sequence', () => {
    const m = startedDuo();
    topOutIdle(m, 'a');
    topOutIdle(m, 'b');
    m.handle('a', { type: 'rematch' });
    m.drop('a', 20);
    m.handle('b', { type: 'rematch' }); // a's wish stands while it is away
    expect(player(m, 'a').phase).toBe('playing');
    expect(m.reconnect('a')).toMatchObject({
      type: 'resume',
      nextFrame: 0,
      from: 2,
      types: dealt(0x0777).slice(2),
    });
  });

  it('is for duo only: a solo room refuses it and keeps try again', () => {
    const m = seatAndStart(
      newMatch('solo', () => 0x0555),
      ['p'],
    );
    topOutIdle(m, 'p');
    m.handle('p', { type: 'rematch' });
    expect(last('p')).toMatchObject({ type: 'error', code: 'wrongPhase' });
    expect(m.state.result).toBe('pending'); // solo games have no result
    m.handle('p', { type: 'restart' });
    expect(last('p')).toEqual({
      type: 'start',
      startLevel: 19,
      pieces: dealt(0x0555),
      engineVersion: ENGINE_VERSION,
    });
  });

  it('is refused while the server drains', () => {
    const m = startedDuo();
    topOutIdle(m, 'a');
    m.startDrain(30);
    m.handle('a', { type: 'rematch' });
    expect(last('a')).toMatchObject({ type: 'error', code: 'draining' });
    expect(player(m, 'a').rematch).toBe(false);
  });
});
