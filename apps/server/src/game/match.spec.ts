import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerMessage } from '@tengen/protocol';
import { SqliteScoreStore } from '@tengen/scores';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { Metrics } from '../metrics.ts';
import { Match, PAUSE_GRACE_MS } from './match.ts';
import { ScoreRecorder, VerificationError } from './score-recorder.ts';

let dir: string;
let store: SqliteScoreStore;
let metrics: Metrics;
let recorder: ScoreRecorder;
let now: number;
let sent: { id: string; msg: ServerMessage }[];
const log = createLogger('silent');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'match-'));
  store = SqliteScoreStore.open(join(dir, 'db.sqlite'));
  metrics = new Metrics({ defaultMetrics: false });
  recorder = new ScoreRecorder(store, metrics, log);
  now = 1_000_000;
  sent = [];
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function match(capacity: number): Match {
  return new Match({
    mode: capacity > 1 ? 'duo' : 'solo',
    capacity,
    seed: 0x1234,
    code: '',
    now: () => now,
    recorder,
    metrics,
    log,
    send: (id, msg) => sent.push({ id, msg }),
  });
}
const last = (id: string) => sent.filter((s) => s.id === id).at(-1)?.msg;

/** A solo match whose game has started at `level`. */
function started(level = 19): Match {
  const m = match(1);
  m.join('p');
  m.handle('p', { type: 'selectLevel', level });
  m.handle('p', { type: 'ready' });
  return m;
}

describe('Match', () => {
  it('starts a duo only when both seats are taken and ready, with one seed', () => {
    const m = match(2);
    m.join('a');
    expect(m.state.phase).toBe('waiting');
    m.handle('a', { type: 'ready' });
    expect(sent.some((s) => s.msg.type === 'start')).toBe(false);
    m.join('b');
    expect(m.state.phase).toBe('choosing');
    m.handle('b', { type: 'selectLevel', level: 9 });
    m.handle('b', { type: 'ready' });
    expect(last('a')).toEqual({ type: 'start', seed: 0x1234, startLevel: 0 });
    expect(last('b')).toEqual({ type: 'start', seed: 0x1234, startLevel: 9 });
    expect(m.state.phase).toBe('playing');
    expect(m.settled).toBe(false);
  });

  it('accepts in-flight inputs just after a pause, refuses later ones, and stops counting paused time', () => {
    const m = started();
    m.handle('p', { type: 'pause', paused: true });
    expect(m.state.paused).toBe(true);
    now += PAUSE_GRACE_MS - 1;
    m.handle('p', { type: 'inputs', from: 0, runs: [[5, 0]] });
    expect(m.state.players.get('p')?.frame).toBe(5);
    now += 2;
    m.handle('p', { type: 'inputs', from: 5, runs: [[5, 0]] });
    expect(last('p')).toMatchObject({ type: 'error', code: 'paused' });
    now += 30_000; // a long pause does not earn frames
    m.handle('p', { type: 'pause', paused: false });
    now += 1_000;
    // 1 s of unpaused play allows 60 frames + the 180-frame tolerance, not 31 s worth.
    m.handle('p', { type: 'inputs', from: 5, runs: [[235, 0]] });
    expect(m.state.players.get('p')?.ranked).toBe(true);
    m.handle('p', { type: 'inputs', from: 240, runs: [[10, 0]] });
    expect(last('p')).toMatchObject({ type: 'unranked', reason: 'aheadOfClock' });
    expect(m.state.players.get('p')?.ranked).toBe(false);
  });

  it('offers restart only after the top-out, with a fresh game of the same sequence', async () => {
    const m = started();
    m.handle('p', { type: 'restart' });
    expect(last('p')).toMatchObject({ type: 'error', code: 'wrongPhase' });
    now += 10_000;
    m.handle('p', { type: 'inputs', from: 0, runs: [[600, 0]] });
    const p = m.state.players.get('p');
    expect(p?.phase).toBe('over');
    expect(m.settled).toBe(false); // a ranked game waits for its submit
    await m.handle('p', { type: 'submit', name: 'first' });
    expect(m.settled).toBe(true);
    expect(last('p')).toMatchObject({ type: 'submitted', rank: 1 });
    m.handle('p', { type: 'restart' });
    expect(last('p')).toEqual({ type: 'start', seed: 0x1234, startLevel: 19 });
    expect(p).toMatchObject({ phase: 'playing', frame: 0, submitted: false, ranked: true });
  });

  it('refuses new games while draining', () => {
    const m = match(1);
    m.join('p');
    m.startDrain(30);
    expect(last('p')).toEqual({ type: 'serverRestarting', seconds: 30 });
    m.handle('p', { type: 'ready' });
    expect(last('p')).toMatchObject({ type: 'error', code: 'draining' });
  });

  it('tells the opponent about drops, returns and departures', () => {
    const m = match(2);
    m.join('a');
    m.join('b');
    m.drop('b', 20);
    expect(last('a')).toEqual({ type: 'opponentDropped', seconds: 20 });
    expect(m.reconnect('b')).toBeUndefined(); // nothing to resume before play
    expect(last('a')).toEqual({ type: 'opponentReconnected' });
    m.leave('b');
    expect(last('a')).toEqual({ type: 'opponentLeft' });
    expect(m.state.players.has('b')).toBe(false);
    expect(m.state.phase).toBe('waiting'); // the seat is free again before play
    expect(m.open).toBe(true);
  });
});

describe('ScoreRecorder', () => {
  it('refuses a result its replay does not reproduce, and counts it', async () => {
    const forged = {
      score: 999_999,
      lines: 0,
      level: 19,
      startLevel: 19,
      frames: 1,
      seed: 0x1234,
      replay: {
        version: 1 as const,
        seed: '1234',
        startLevel: 19,
        inputs: [[1, 0]] as [number, number][],
      },
    };
    await expect(recorder.save('solo', 'forger', forged)).rejects.toBeInstanceOf(VerificationError);
    expect(
      (await metrics.registry.getSingleMetricAsString('tengen_verification_failures_total')).trim(),
    ).toMatch(/ 1$/);
    expect(await store.topScores('solo', 10)).toEqual([]);
  });
});
