import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Button, ENGINE_VERSION, parseReplay, runReplay, type Replay } from '@tengen/engine';
import { MAX_BATCH_FRAMES, type ServerMessage } from '@tengen/protocol';
import { SqliteScoreStore } from '@tengen/scores';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { Metrics } from '../metrics.ts';
import { CopyGuard } from './copy-guard.ts';
import { seatAndStart } from '../testing/match-seats.ts';
import { Match } from './match.ts';
import { ScoreRecorder, VerificationError } from './score-recorder.ts';

// Rules versions on the server: new games run under ENGINE_VERSION (2, which loses the frame after
// exactly Down+Left+Right), are verified and stored under it, and every stored game keeps being
// read under the version it was played with.
const DLR = Button.Down | Button.Left | Button.Right;
const fixtures = fileURLToPath(new URL('../../../../libs/engine/src/fixtures/', import.meta.url));

let dir: string;
let store: SqliteScoreStore;
let metrics: Metrics;
let recorder: ScoreRecorder;
let sent: { id: string; msg: ServerMessage }[];
const log = createLogger('silent');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'versions-'));
  store = SqliteScoreStore.open(join(dir, 'db.sqlite'));
  metrics = new Metrics({ defaultMetrics: false });
  recorder = new ScoreRecorder(store, metrics, log);
  sent = [];
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function soloMatch(now: () => number): Match {
  const m = new Match({
    mode: 'solo',
    capacity: 1,
    seed: 0x1234,
    newSeed: () => 0x4321,
    code: '',
    now,
    recorder,
    metrics,
    log,
    send: (id, msg) => sent.push({ id, msg }),
  });
  return seatAndStart(m, ['p']);
}

function goldenReplay(name: string): Replay {
  const data = JSON.parse(readFileSync(join(fixtures, `${name}.json`), 'utf8')) as {
    replay: unknown;
  };
  return parseReplay(data.replay);
}

describe('rules versions on the server', () => {
  it('plays, verifies and stores a new game under the current version (Down+Left+Right lost frames)', async () => {
    expect(ENGINE_VERSION).toBe(2);
    let now = 1_000_000;
    const m = soloMatch(() => now);
    expect(sent.find((s) => s.msg.type === 'start')?.msg).toMatchObject({ engineVersion: 2 });
    // Hold exactly Down+Left+Right until the stack tops out: half speed under version 2.
    let from = 0;
    while (m.state.players.get('p')?.phase === 'playing' && from < 60_000) {
      now += (MAX_BATCH_FRAMES / 60) * 1000;
      m.handle('p', { type: 'inputs', from, runs: [[MAX_BATCH_FRAMES, DLR]] });
      from += MAX_BATCH_FRAMES;
    }
    expect(m.state.players.get('p')?.phase).toBe('over');
    await m.handle('p', { type: 'submit', name: 'lagger' });
    const submitted = sent.at(-1)?.msg;
    expect(submitted).toMatchObject({ type: 'submitted', rank: 1 });
    const id = (submitted as { replayId: string }).replayId;
    const replay = parseReplay(JSON.parse((await store.getReplay(id))!));
    expect(replay.version).toBe(2);
    const [row] = await store.topScores('solo', 1);
    const v2 = runReplay(replay);
    expect(v2.score).toBe(row!.score);
    expect(v2.topOut).toBe(true);
    // The same inputs under version 1 are another game: the server really ran version 2.
    expect(runReplay({ ...replay, version: 1 }).frames).not.toBe(v2.frames);
  });

  it('refuses a result whose replay claims another version than the game was played under', async () => {
    const replay = goldenReplay('v2-level-18-seed-3333-dlr');
    const live = runReplay(replay);
    const result = {
      score: live.score,
      lines: live.lines,
      level: live.level,
      startLevel: replay.startLevel,
      frames: live.frames,
      seed: 0x3333,
      replay,
    };
    // Re-labelled as version 1, the same inputs do not reproduce the game: refused.
    await expect(
      recorder.save(
        'solo',
        'relabel',
        { ...result, replay: { ...replay, version: 1 } },
        'a'.repeat(64),
      ),
    ).rejects.toBeInstanceOf(VerificationError);
    const saved = await recorder.save('solo', 'honest', result, 'b'.repeat(64));
    expect(saved.kind).toBe('stored');
  });

  it('keeps a stored version-1 game verifying under version 1, and compares new games with it', async () => {
    const v1 = goldenReplay('level-18-seed-3333');
    expect(v1.version).toBe(1);
    const summary = runReplay(v1);
    const { id } = await store.saveGame({
      mode: 'solo',
      name: 'veteran',
      score: summary.score,
      lines: summary.lines,
      level: summary.level,
      startLevel: v1.startLevel,
      frames: summary.frames,
      seed: 0x3333,
      replayJson: JSON.stringify(v1),
      engineVersion: 1,
    });
    // Read back as the replay endpoint serves it, it still scores exactly what was stored.
    const back = parseReplay(JSON.parse((await store.getReplay(id))!));
    expect(back.version).toBe(1);
    expect(runReplay(back)).toEqual(summary);
    // A version-2 game that copies it (same inputs, no Down+Left+Right) is still found.
    expect(await new CopyGuard(store).find('thief', { ...v1, version: 2 })).toBe(id);
  });
});
