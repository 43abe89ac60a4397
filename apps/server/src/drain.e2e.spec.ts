import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLOSE_CODE } from '@tengen/protocol';
import { SqliteScoreStore } from '@tengen/scores';
import { afterAll, describe, expect, it } from 'vitest';
import { getJson } from './testing/http.ts';
import { spawnServer, type SpawnedServer } from '@tengen/test-kit';
import { TestPlayer } from '@tengen/test-kit';

const dir = mkdtempSync(join(tmpdir(), 'tengen-drain-'));
let server: SpawnedServer | undefined;
afterAll(() => {
  if (server && server.proc.exitCode === null) server.proc.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

async function startedSolo(url: string): Promise<TestPlayer> {
  const p = await TestPlayer.connect(url, 'create', 'solo');
  await p.startGame(19);
  return p;
}

describe('SIGTERM with games in progress (spawned server process)', () => {
  it('stops taking traffic at once, lets games finish and submit, stores every score, exits 0', async () => {
    const dbFile = join(dir, 'db.sqlite');
    server = await spawnServer({
      PORT: '0',
      DB_FILE: dbFile,
      DRAIN_SECONDS: '15',
      CLIENT_DIR: dir,
    });
    const finisher = await startedSolo(server.url);
    const idler = await startedSolo(server.url);
    await finisher.play({ botFrames: 60, untilFrame: 60 });

    const sentAt = Date.now();
    server.proc.kill('SIGTERM');
    const restarting = await finisher.message('serverRestarting');
    expect(restarting.seconds).toBe(15);
    await idler.message('serverRestarting');
    expect((await getJson(`${server.url}/readyz`)).status).toBe(503);
    await expect(TestPlayer.connect(server.url, 'create', 'solo')).rejects.toThrow();
    expect(finisher.room.state.draining).toBe(true);

    const game = await finisher.play({ botFrames: 60, leadFrames: 170 });
    await finisher.until('over', () => finisher.me?.phase === 'over');
    finisher.send('restart');
    expect((await finisher.message('error', 0, (m) => m.code === 'draining')).message).toMatch(
      /restarting/,
    );
    // A finished, ranked game keeps its room open until it is submitted (or the drain time is up).
    finisher.send('submit', { name: 'last one' });
    const submitted = await finisher.message('submitted');
    expect(submitted.score).toBe(game.score);
    await finisher.until('closed once stored', () => finisher.closed);
    expect(finisher.closed?.code).toBe(CLOSE_CODE.serverShutdown);

    // The idle game never finishes: its room closes when the drain time is up, then the process exits.
    const { code } = await server.exited;
    expect(code).toBe(0);
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(14_000);
    await idler.until('closed', () => idler.closed);
    expect(idler.closed?.code).toBe(CLOSE_CODE.serverShutdown);
    expect(server.logs.map((l) => l['msg'])).toEqual(
      expect.arrayContaining(['draining', 'score stored', 'stopped']),
    );

    const store = SqliteScoreStore.open(dbFile);
    const top = await store.topScores('solo', 10);
    store.close();
    expect(top).toEqual([
      expect.objectContaining({
        name: 'last one',
        score: game.score,
        replayId: submitted.replayId,
      }),
    ]);
  });
});
