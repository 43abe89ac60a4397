import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINE_VERSION, SeededPieces } from '@tengen/engine';
import { PIECES_AHEAD, type ServerMessage } from '@tengen/protocol';
import { SqliteScoreStore } from '@tengen/scores';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { Metrics } from '../metrics.ts';
import { seatAndStart } from '../testing/match-seats.ts';
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
    newSeed: () => 0x4321,
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
  return seatAndStart(m, ['p'], level);
}

/** The `start` a restart at level 19 sends: the pieces of the next seed (`newSeed`), not the first. */
const restartOnNewSeed: ServerMessage = {
  type: 'start',
  startLevel: 19,
  pieces: new SeededPieces(0x4321).slice(0, 2 + PIECES_AHEAD),
  engineVersion: ENGINE_VERSION,
};

describe('Match', () => {
  it('starts a duo only when both seats are taken and ready, dealing both the same pieces', () => {
    const m = match(2);
    m.join('a');
    expect(m.state.phase).toBe('waiting');
    m.handle('a', { type: 'ready' });
    expect(sent.some((s) => s.msg.type === 'start')).toBe(false);
    m.join('b');
    expect(m.state.phase).toBe('choosing');
    m.handle('b', { type: 'selectLevel', level: 9 });
    m.handle('b', { type: 'ready' });
    const first = new SeededPieces(0x1234).slice(0, 2 + PIECES_AHEAD);
    expect(last('a')).toEqual({
      type: 'start',
      startLevel: 0,
      pieces: first,
      engineVersion: ENGINE_VERSION,
    });
    expect(last('b')).toEqual({
      type: 'start',
      startLevel: 9,
      pieces: first,
      engineVersion: ENGINE_VERSION,
    });
    expect(m.state.toJSON()).not.toHaveProperty('seed');
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

  it('offers restart only after the top-out, with a fresh game of a new sequence', async () => {
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
    // The stored game's replay (seed included) is public now: the next game gets a new sequence.
    m.handle('p', { type: 'restart' });
    expect(last('p')).toEqual(restartOnNewSeed);
    expect(p).toMatchObject({ phase: 'playing', frame: 0, submitted: false, ranked: true });
  });

  it('deals a new sequence on restart even when no game of it was stored', () => {
    const m = started();
    now += 60_000;
    m.handle('p', { type: 'inputs', from: 0, runs: [[600, 0]] });
    m.handle('p', { type: 'inputs', from: 600, runs: [[600, 0]] });
    m.handle('p', { type: 'restart' });
    // Retrying one sequence forever would teach a player its pieces: every try gets a new one.
    expect(last('p')).toEqual(restartOnNewSeed);
  });

  it('deals pieces as the game spawns, never more than PIECES_AHEAD past NEXT', () => {
    const m = started(19);
    const seq = new SeededPieces(0x1234);
    now += 60_000;
    let known = 2 + PIECES_AHEAD;
    for (let from = 0; m.state.players.get('p')?.phase === 'playing'; from += 10) {
      const before = sent.length;
      m.handle('p', { type: 'inputs', from, runs: [[10, from % 40 < 20 ? 0 : 1]] });
      for (const { msg } of sent.slice(before)) {
        if (msg.type !== 'pieces') continue;
        expect(msg.from).toBe(known);
        expect(msg.types).toEqual(seq.slice(known, known + msg.types.length));
        known += msg.types.length;
      }
      const stats = m.state.players.get('p')!.stats;
      const inWell = Array.from(stats).reduce((a, b) => a + b, 0);
      // The client knows the pieces in the well so far, NEXT, and PIECES_AHEAD more: no further.
      if (m.state.players.get('p')?.phase === 'playing')
        expect(known).toBe(inWell + 1 + PIECES_AHEAD);
    }
    expect(known).toBeGreaterThan(2 + PIECES_AHEAD + 5);
  });

  it('resumes a dropped player with a seedless snapshot and the pieces from its position', () => {
    const m = started(19);
    now += 60_000;
    m.handle('p', { type: 'inputs', from: 0, runs: [[300, 0]] });
    m.drop('p', 20);
    const resume = m.reconnect('p');
    if (resume?.type !== 'resume') throw new Error('no resume');
    for (const k of ['seed', 'rng', 'spawnCount', 'spawnId'])
      expect(resume.snapshot).not.toHaveProperty(k);
    const stats = (resume.snapshot as { stats: number[] }).stats;
    const drawIndex = stats.reduce((a, b) => a + b, 0) + 1;
    expect(resume).toMatchObject({ nextFrame: 300, startLevel: 19, from: drawIndex });
    expect(resume.types).toEqual(
      new SeededPieces(0x1234).slice(drawIndex, drawIndex + PIECES_AHEAD),
    );
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
    await expect(recorder.save('solo', 'forger', forged, 'f'.repeat(64))).rejects.toBeInstanceOf(
      VerificationError,
    );
    expect(
      (await metrics.registry.getSingleMetricAsString('tengen_verification_failures_total')).trim(),
    ).toMatch(/ 1$/);
    expect(await store.topScores('solo', 10)).toEqual([]);
  });
});
