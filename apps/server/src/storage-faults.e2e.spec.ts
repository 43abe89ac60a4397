import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ScoresResponse } from '@tengen/protocol';
import { pollUntil, spawnServer, type SpawnedServer } from '@tengen/test-kit';
import { afterAll, describe, expect, it } from 'vitest';
import { OUTBOX_FILE } from './game/outbox-file.ts';
import {
  finishedSolo,
  folder,
  metric,
  StorageFaults,
  storageFaultsUnavailable,
  storedGames,
  submit,
} from './testing/storage-faults.ts';

const unavailable = storageFaultsUnavailable();
if (unavailable) console.warn(`storage-faults.e2e.spec: skipped (${unavailable})`);

const faults = new StorageFaults();
const servers: SpawnedServer[] = [];
afterAll(() => {
  for (const s of servers.splice(0)) if (s.proc.exitCode === null) s.proc.kill('SIGKILL');
  faults.cleanup();
});

function start(dbFile: string, outboxDir?: string): Promise<SpawnedServer> {
  return spawnServer(
    {
      PORT: '0',
      DB_FILE: dbFile,
      ...(outboxDir ? { OUTBOX_DIR: outboxDir } : {}),
      OUTBOX_RETRY_MAX_SECONDS: '1',
      DRAIN_SECONDS: '2',
      CLIENT_DIR: join(dbFile, '..', 'no-client'),
    },
    [],
    60_000,
  ).then((s) => {
    servers.push(s);
    return s;
  });
}

async function stopCleanly(server: SpawnedServer): Promise<void> {
  server.proc.kill('SIGTERM');
  expect((await server.exited).code).toBe(0);
}

const msgs = (s: SpawnedServer) => s.logs.map((l) => l['msg']);

/**
 * One fault, end to end: a first game is stored normally, `breakIt` makes the database unwritable,
 * two more verified games are kept in the outbox (the players are told), `fixIt` undoes the fault,
 * and all three games reach the board exactly once.
 */
async function faultAndRecovery(
  dbFile: string,
  outboxDir: string,
  breakIt: () => void,
  fixIt: () => void,
  opts: { restartAfterBreak?: boolean } = {},
): Promise<SpawnedServer> {
  let server = await start(dbFile, outboxDir);
  const first = await finishedSolo(server.url);
  expect(await submit(first.player, 'before')).toMatchObject({ type: 'submitted', rank: 1 });

  breakIt();
  if (opts.restartAfterBreak) {
    await first.player.leave();
    await stopCleanly(server);
    server = await start(dbFile, outboxDir);
  }
  const [a, b] = await Promise.all([finishedSolo(server.url), finishedSolo(server.url)]);
  const answers = [await submit(a.player, 'kept one'), await submit(b.player, 'kept two')];
  expect(answers).toEqual([
    // A first submit gets its name key with the answer, queued or not.
    { type: 'submitQueued', replayId: expect.any(String), score: a.score, key: expect.any(String) },
    { type: 'submitQueued', replayId: expect.any(String), score: b.score, key: expect.any(String) },
  ]);
  // Kept means kept: a second submit of the same game is refused, not queued twice.
  expect(await submit(a.player, 'kept one')).toMatchObject({ code: 'alreadySubmitted' });
  expect(readFileSync(join(outboxDir, OUTBOX_FILE), 'utf8').trim().split('\n')).toHaveLength(2);
  expect(await metric(server.metricsUrl, 'tengen_outbox_games')).toBe(2);
  // The alert line comes once per retry round while games wait.
  await pollUntil('an outbox alert line', () =>
    server.logs.some((l) => l['msg'] === 'score outbox not empty: the database cannot be written'),
  );
  expect(
    server.logs.find((l) => l['msg'] === 'score outbox not empty: the database cannot be written'),
  ).toMatchObject({ level: 50, games: 2 });

  fixIt();
  await pollUntil(
    'the outbox drained',
    async () => (await metric(server.metricsUrl, 'tengen_outbox_games')) === 0,
  );
  expect(existsSync(join(outboxDir, OUTBOX_FILE))).toBe(false);
  const board = (await (
    await fetch(`${server.url}/api/scores?mode=solo`)
  ).json()) as ScoresResponse;
  expect(board.scores.map((e) => e.name).sort()).toEqual(['before', 'kept one', 'kept two']);
  const stored = storedGames(dbFile);
  expect(stored).toHaveLength(3);
  expect(stored.map((g) => g.id)).toEqual(
    expect.arrayContaining(answers.map((m) => (m.type === 'submitQueued' ? m.replayId : ''))),
  );
  expect(await metric(server.metricsUrl, 'tengen_outbox_oldest_seconds')).toBe(0);
  for (const p of [first, a, b]) await p.player.leave().catch(() => undefined);
  return server;
}

/** A small tmpfs (`data`) holding the database folder and, apart from it, the outbox folder. */
function dataVolume() {
  const data = faults.tmpfs(64 * 1024);
  const dbDir = folder(data, 'db');
  const outboxDir = folder(data, 'outbox');
  return {
    data,
    dbDir,
    dbFile: join(dbDir, 'tengen.db'),
    outboxDir,
    outboxPath: join(outboxDir, OUTBOX_FILE),
  };
}

// One case at a time (six servers starting at once on a loaded 2-core machine miss their start-up
// timeout, and games must keep real time), with generous time limits: a case starts up to three
// servers and plays real-time games.
describe.skipIf(unavailable)(
  'nothing lost when the database cannot be written (root, real faults)',
  { timeout: 240_000 },
  () => {
    it('read-only database file (chattr +i, SQLite opens it read-only at start): kept, then stored once writable', async () => {
      // An open file stays writable through its descriptor on some file systems (tmpfs, and ext4
      // for pages already allocated), so the fault is the realistic one: a pod starting with a file
      // it cannot write. SQLite then falls back to a read-only connection, which the store reopens.
      const data = faults.tmpfs(64 * 1024);
      const dbFile = join(data, 'db', 'tengen.db');
      const server = await faultAndRecovery(
        dbFile,
        folder(data, 'outbox'),
        () => faults.freeze(dbFile),
        () => faults.thaw(dbFile),
        { restartAfterBreak: true },
      );
      expect(msgs(server)).toContain('score stored from the outbox');
      await stopCleanly(server);
    });

    it('read-only database folder (chattr +i, no journal can be created): kept, then stored', async () => {
      const data = faults.tmpfs(64 * 1024);
      const dbDir = folder(data, 'db');
      const server = await faultAndRecovery(
        join(dbDir, 'tengen.db'),
        folder(data, 'outbox'),
        () => faults.freeze(dbDir),
        () => faults.thaw(dbDir),
      );
      await stopCleanly(server);
    });

    it('full disk (a 2 MB tmpfs filled up): kept, then stored once space is freed', async () => {
      const disk = faults.tmpfs(2 * 1024);
      const scratch = faults.tmpfs(4 * 1024);
      let filler = '';
      const server = await faultAndRecovery(
        join(disk, 'tengen.db'),
        folder(scratch, 'outbox'),
        () => (filler = faults.fill(disk)),
        () => rmSync(filler),
      );
      expect(msgs(server)).toContain('score stored from the outbox');
      await stopCleanly(server);
    });

    it('when the outbox cannot be written either (same read-only folder), submit fails as before and can be retried', async () => {
      const data = faults.tmpfs(64 * 1024);
      const dbDir = folder(data, 'db');
      const server = await start(join(dbDir, 'tengen.db')); // outbox beside the database (default)
      const { player } = await finishedSolo(server.url);
      faults.freeze(dbDir);
      expect(await submit(player, 'unlucky')).toMatchObject({ type: 'error', code: 'saveFailed' });
      expect(msgs(server)).toContain('the score outbox cannot be written either');
      faults.thaw(dbDir);
      expect(await submit(player, 'unlucky')).toMatchObject({ type: 'submitted', rank: 1 });
      expect(storedGames(join(dbDir, 'tengen.db'))).toHaveLength(1);
      await player.leave();
      await stopCleanly(server);
    });

    it('an outbox left by a killed process (SIGKILL) is written at the next start, never twice', async () => {
      const { data, dbDir, dbFile, outboxDir, outboxPath } = dataVolume();
      const first = await start(dbFile, outboxDir);
      const { player, score } = await finishedSolo(first.url);
      faults.freeze(dbDir);
      const answer = await submit(player, 'survivor');
      expect(answer).toMatchObject({ type: 'submitQueued', score });
      const replayId = answer.type === 'submitQueued' ? answer.replayId : '';
      await player.leave();
      first.proc.kill('SIGKILL');
      await first.exited;
      const leftBehind = join(data, 'left-behind.jsonl');
      copyFileSync(outboxPath, leftBehind);

      // Restarted while the folder is still read-only: the game waits.
      const second = await start(dbFile, outboxDir);
      expect(msgs(second)).toContain('score outbox: games from an earlier run');
      await pollUntil('a failed retry round', () =>
        msgs(second).includes('score outbox not empty: the database cannot be written'),
      );
      faults.thaw(dbDir);
      await pollUntil(
        'stored from the outbox',
        async () => (await metric(second.metricsUrl, 'tengen_outbox_games')) === 0,
      );
      expect(storedGames(dbFile)).toEqual([{ id: replayId, name: 'survivor', score }]);
      await stopCleanly(second);

      // A crash between the insert and the outbox rewrite leaves a stored game in the file: the
      // next start recognises its id and drops it without a second row.
      copyFileSync(leftBehind, outboxPath);
      const third = await start(dbFile, outboxDir);
      await pollUntil('outbox emptied', () => !existsSync(outboxPath));
      expect(storedGames(dbFile)).toEqual([{ id: replayId, name: 'survivor', score }]);
      await stopCleanly(third);
    });

    it('SIGTERM while the database is unwritable: drains cleanly, exits 0, keeps the game for the next start', async () => {
      const { dbDir, dbFile, outboxDir } = dataVolume();
      const server = await start(dbFile, outboxDir);
      const { player, score } = await finishedSolo(server.url);
      faults.freeze(dbDir);
      expect(await submit(player, 'patient')).toMatchObject({ type: 'submitQueued', score });
      await player.leave();
      await stopCleanly(server);
      expect(msgs(server)).toContain('score outbox: games left on disk for the next start');
      expect(readFileSync(join(outboxDir, OUTBOX_FILE), 'utf8')).toContain('"patient"');
      faults.thaw(dbDir);
      const next = await start(dbFile, outboxDir);
      await pollUntil('stored at start-up', () => storedGames(dbFile).length === 1);
      expect(storedGames(dbFile)[0]).toMatchObject({ name: 'patient', score });
      await stopCleanly(next);
    });
  },
);
