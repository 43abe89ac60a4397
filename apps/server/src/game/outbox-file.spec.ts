import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newGameId } from '@tengen/scores';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { StorageFaults, storageFaultsUnavailable } from '../testing/storage-faults.ts';
import { OUTBOX_FILE, OutboxFile, outboxEntry, type OutboxEntry } from './outbox-file.ts';

const log = pino({ level: 'silent' });
const dirs: string[] = [];
const faults = new StorageFaults();
afterAll(() => {
  faults.cleanup();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'outbox-file-'));
  dirs.push(d);
  return d;
};

function entry(name: string, queuedAt = 1_000, replayBytes = 50): OutboxEntry {
  return outboxEntry(
    {
      id: newGameId(),
      mode: 'solo',
      name,
      score: 100,
      lines: 1,
      level: 0,
      startLevel: 0,
      frames: 500,
      seed: 7,
      replayJson: JSON.stringify({ pad: 'x'.repeat(replayBytes) }),
      engineVersion: 1,
    },
    queuedAt,
  );
}

describe('OutboxFile', () => {
  it('survives a reopen (a new process): entries in order, removed ones gone, file deleted once empty', async () => {
    const dir = tempDir();
    const file = await OutboxFile.open(join(dir, 'nested'), log);
    const [a, b, c] = [entry('a', 3_000), entry('b', 1_000), entry('c', 2_000)];
    for (const e of [a, b, c]) await file.add(e);
    expect(file.oldestQueuedAt()).toBe(1_000);
    await file.remove([b.id]);

    const again = await OutboxFile.open(join(dir, 'nested'), log);
    expect(again.entries()).toEqual([a, c]);
    await again.remove([a.id, c.id, 'not-there']);
    expect(again.size).toBe(0);
    expect(existsSync(join(dir, 'nested', OUTBOX_FILE))).toBe(false);
    expect((await OutboxFile.open(join(dir, 'nested'), log)).size).toBe(0);
  });

  it('sets aside a torn or edited line, keeps the good ones, and appends cleanly after it', async () => {
    const dir = tempDir();
    const first = await OutboxFile.open(dir, log);
    const good = entry('good');
    await first.add(good);
    appendFileSync(join(dir, OUTBOX_FILE), '{"v":1,"id":"abc","game":{"name":"to'); // torn by a crash
    const reopened = await OutboxFile.open(dir, log);
    expect(reopened.entries()).toEqual([good]);
    expect(readdirSync(dir).some((f) => f.startsWith(`${OUTBOX_FILE}.bad-`))).toBe(true);
    const next = entry('next');
    await reopened.add(next);
    expect((await OutboxFile.open(dir, log)).entries()).toEqual([good, next]);
  });

  it('refuses lines that do not match the schema (a hand-edited score is not trusted blindly)', async () => {
    const dir = tempDir();
    const bad = { ...entry('x'), game: { ...entry('x').game, score: -5 } };
    appendFileSync(join(dir, OUTBOX_FILE), `${JSON.stringify(bad)}\n`);
    expect((await OutboxFile.open(dir, log)).size).toBe(0);
  });

  const noFaults = storageFaultsUnavailable();
  it.skipIf(noFaults)(
    'on a full disk: add rejects and cuts off its half-written line, so later appends stay readable',
    async () => {
      const dir = faults.tmpfs(64);
      const file = await OutboxFile.open(dir, log);
      const kept = entry('kept');
      await file.add(kept);
      // Bigger than the whole 64 KB disk: part of it is written before ENOSPC.
      await expect(file.add(entry('big', 1_000, 200_000))).rejects.toMatchObject({
        code: 'ENOSPC',
      });
      expect(file.entries()).toEqual([kept]);
      expect(readFileSync(join(dir, OUTBOX_FILE), 'utf8')).toBe(`${JSON.stringify(kept)}\n`);
      const after = entry('after');
      await file.add(after);
      expect((await OutboxFile.open(dir, log)).entries()).toEqual([kept, after]);
    },
  );
});
