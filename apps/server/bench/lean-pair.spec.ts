// The load generator's pair against a real server: what it sends must be what the server accepts
// from browsers (no refusal, no unranked game), and both players' games must advance on the server.
import './ws-sockets.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer, testAddress, TestPlayer, type SpawnedServer } from '@tengen/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeanPair } from './lean-pair.ts';

let server: SpawnedServer;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tengen-lean-pair-'));
  server = await spawnServer({ PORT: '0', DB_FILE: join(dir, 'db.sqlite'), CLIENT_DIR: dir });
});
afterAll(async () => {
  server.proc.kill('SIGTERM');
  await server.exited;
  rmSync(dir, { recursive: true, force: true });
});

const metric = async (name: string) => {
  const text = await (await fetch(server.metricsUrl)).text();
  return [...text.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'gm'))].reduce(
    (n, m) => n + Number(m[1]),
    0,
  );
};

describe('LeanPair', () => {
  it('plays a real-time duo game the server accepts from both seats', async () => {
    const messages: string[] = [];
    const pair = await LeanPair.open(
      server.url,
      9,
      { 'x-forwarded-for': testAddress() },
      { onMessage: (_pair, type, payload) => messages.push(`${type} ${JSON.stringify(payload)}`) },
    );
    const rejected0 = await metric('tengen_rejected_messages_total');
    const tick = setInterval(() => pair.advance(performance.now()), 50);
    try {
      await new Promise((r) => setTimeout(r, 4000));
    } finally {
      clearInterval(tick);
    }
    const frames = pair.game?.frame ?? 0;
    expect(frames).toBeGreaterThan(120);
    expect(pair.counts.batches).toBeGreaterThan(10);
    // Each seat's batch reaches the other as a state patch.
    expect(pair.counts.patches).toBeGreaterThan(pair.counts.batches / 2);
    expect(messages.filter((m) => m.startsWith('error') || m.startsWith('unranked'))).toEqual([]);
    expect(await metric('tengen_rejected_messages_total')).toBe(rejected0);
    expect(await metric('tengen_relay_latency_seconds_count')).toBeGreaterThanOrEqual(
      pair.counts.batches,
    );
    expect(pair.wire.written).toBeGreaterThan(0);
    await pair.leave();
  });

  it('sends the same inputs for both seats: a watcher sees two identical games', async () => {
    const pair = await LeanPair.open(
      server.url,
      9,
      { 'x-forwarded-for': testAddress() },
      {
        onMessage: () => undefined,
      },
    );
    const watcher = await TestPlayer.watch(server.url, pair.host.roomId);
    const tick = setInterval(() => pair.advance(performance.now()), 50);
    try {
      await new Promise((r) => setTimeout(r, 3000));
    } finally {
      clearInterval(tick);
    }
    const played = pair.game?.frame ?? 0;
    const seen = () => {
      const games: { frame?: number; board?: string; score?: number; piece?: number }[] = [];
      watcher.room.state.players.forEach((p) =>
        games.push({ frame: p.frame, board: p.board, score: p.score, piece: p.piece }),
      );
      return games;
    };
    // The frames still in the batcher (at most MAX_PENDING_FRAMES) were not sent.
    await watcher.until('both games at the last batch sent', () => {
      const [a, b] = seen();
      return a && b && a.frame === b.frame && (a.frame ?? 0) > played - 21;
    });
    const [a, b] = seen();
    expect(a!.frame).toBeGreaterThan(60);
    expect(a).toEqual(b);
    await watcher.leave();
    await pair.leave();
  });
});
