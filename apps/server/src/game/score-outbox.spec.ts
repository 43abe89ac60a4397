import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newGameId, SqliteScoreStore, type NewGame } from '@tengen/scores';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { Metrics } from '../metrics.ts';
import { OutboxFile, outboxEntry } from './outbox-file.ts';
import { ScoreOutbox } from './score-outbox.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function game(name: string, replay = name): NewGame & { id: string } {
  return {
    id: newGameId(),
    mode: 'solo',
    name,
    score: 300,
    lines: 3,
    level: 0,
    startLevel: 0,
    frames: 900,
    seed: 9,
    replayJson: JSON.stringify({ replay }),
    engineVersion: 1,
  };
}

describe('ScoreOutbox (real SQLite file and outbox file)', () => {
  it('stores what it can, keeps an entry that can never be stored (logged), and never stores twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'score-outbox-'));
    dirs.push(dir);
    const store = SqliteScoreStore.open(join(dir, 'db.sqlite'));
    const log = pino({ level: 'silent' });
    // An earlier process: one game already stored (crash before the outbox rewrite), one whose
    // id collides with another stored game (never storable), one still waiting.
    const stored = game('stored');
    await store.saveGame(stored);
    const clash = game('clash');
    await store.saveGame({ ...game('other'), id: clash.id });
    const waiting = game('waiting');
    const file = await OutboxFile.open(dir, log);
    for (const [g, at] of [
      [stored, 1_000],
      [clash, 2_000],
      [waiting, 3_000],
    ] as const)
      await file.add(outboxEntry(g, at));

    const metrics = new Metrics({ defaultMetrics: false });
    const outbox = await ScoreOutbox.open(dir, store, metrics, log, {
      maxDelayMs: 60_000,
      now: () => 10_000,
    });
    await outbox.flush();
    expect(outbox.size).toBe(1);
    expect((await OutboxFile.open(dir, log)).entries().map((e) => e.id)).toEqual([clash.id]);
    const board = await store.topScores('solo', 10);
    expect(board.map((e) => e.name).sort()).toEqual(['other', 'stored', 'waiting']);
    // The late game keeps its submit time (3 s after the epoch), not the time it was written.
    expect(board.find((e) => e.name === 'waiting')?.at.getTime()).toBe(3_000);
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^tengen_outbox_games 1$/m);
    expect(text).toMatch(/^tengen_outbox_oldest_seconds 8$/m);
    await outbox.stop();
    await expect(outbox.keep(game('late'))).rejects.toThrow(/closed/);
    store.close();
  });

  it('keeps the name key through the file; a game whose name another key took meanwhile is dropped, logged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'score-outbox-'));
    dirs.push(dir);
    const store = SqliteScoreStore.open(join(dir, 'db.sqlite'));
    const lines: Record<string, unknown>[] = [];
    const log = pino(
      { level: 'info' },
      { write: (l: string) => void lines.push(JSON.parse(l) as Record<string, unknown>) },
    );
    // Two browsers queued games under one free name while the database was down.
    const first = { ...game('Shared', 'one'), keyHash: 'a'.repeat(64) };
    const second = { ...game('shared', 'two'), keyHash: 'b'.repeat(64) };
    const file = await OutboxFile.open(dir, log);
    await file.add(outboxEntry(first, 1_000));
    await file.add(outboxEntry(second, 2_000));
    // A restart reads the keys back from the file.
    const reread = await OutboxFile.open(dir, log);
    expect(reread.entries().map((e) => e.game.keyHash)).toEqual([first.keyHash, second.keyHash]);

    const outbox = await ScoreOutbox.open(dir, store, new Metrics({ defaultMetrics: false }), log, {
      maxDelayMs: 60_000,
      now: () => 10_000,
    });
    await outbox.flush();
    expect(outbox.size).toBe(0);
    expect((await store.topScores('solo', 10)).map((e) => e.name)).toEqual(['Shared']);
    expect(await store.nameStatus('SHARED', first.keyHash)).toBe('yours');
    expect(lines.find((l) => String(l['msg']).includes('name was claimed'))).toMatchObject({
      level: 50,
      id: second.id,
      name: 'shared',
    });
    await outbox.stop();
    store.close();
  });
});
