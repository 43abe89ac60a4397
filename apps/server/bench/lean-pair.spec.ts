// The load generator's pair against a real server: what it sends must be what the server accepts
// from browsers (no refusal, no unranked game), and both players' games must advance on the server.
import './ws-sockets.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer, testAddress, TestPlayer, type SpawnedServer } from '@tengen/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Room } from '@colyseus/sdk';
import { MAX_BATCH_FRAMES, MAX_BATCH_RUNS } from '@tengen/protocol';
import { FrameCutter, inputsBytes, LeanPair, writeInputs } from './lean-pair.ts';

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

/** A server-to-client frame (unmasked), with `opcode` (2: binary) and FIN unless `fin: false`. */
function frame(payload: Buffer, opcode = 2, fin = true): Buffer {
  const n = payload.length;
  const head = n < 126 ? [n] : [126, n >> 8, n & 0xff];
  return Buffer.concat([Buffer.from([(fin ? 0x80 : 0) | opcode, ...head]), payload]);
}
const payload = (n: number, seed: number) =>
  Buffer.from(Array.from({ length: n }, (_, i) => (i + seed) & 0xff));

describe('writeInputs', () => {
  it("writes every batch byte for byte as the SDK's room.send does", () => {
    const room = new Room('duo');
    let sent = Buffer.alloc(0);
    (room as unknown as { connection: object }).connection = {
      isOpen: true,
      send: (data: Uint8Array) => (sent = Buffer.from(data)),
    };
    let seed = 3;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n) | 0;
    const edges = [0, 1, 127, 128, 255, 256, 65535, 65536, 2 ** 31 - 1];
    for (let i = 0; i < 2000; i++) {
      const runs = Array.from(
        { length: i < 9 ? [1, 15, 16, MAX_BATCH_RUNS][i % 4]! : 1 + rand(40) },
        () => [1 + rand(MAX_BATCH_FRAMES), rand(256)] as [number, number],
      );
      const batch = { from: i < edges.length ? edges[i]! : rand(2 ** 31), runs };
      room.send('inputs', batch);
      const out = Buffer.alloc(inputsBytes(runs.length));
      expect(out.subarray(0, writeInputs(batch, out)).toString('hex')).toBe(sent.toString('hex'));
    }
  });
});

describe('FrameCutter', () => {
  it('cuts whole binary frames out of reads, waiting for the rest of a split one', () => {
    const got: string[] = [];
    const cut = new FrameCutter((p) => got.push(p.toString('hex')));
    const [a, b, c] = [payload(3, 1), payload(300, 2), payload(125, 3)];
    const stream = Buffer.concat([frame(a), frame(b), frame(c)]);
    // Every split point of the three frames, including inside a header.
    for (let split = 0; split <= stream.length; split++) {
      got.length = 0;
      expect(cut.push(stream.subarray(0, split))).toBeNull();
      expect(cut.push(stream.subarray(split))).toBeNull();
      expect(got).toEqual([a, b, c].map((p) => p.toString('hex')));
    }
  });

  it('hands back everything from the first frame of another kind on', () => {
    const got: string[] = [];
    const cut = new FrameCutter((p) => got.push(p.toString('hex')));
    const ping = frame(payload(2, 9), 9);
    const after = frame(payload(4, 5));
    expect(
      cut
        .push(Buffer.concat([frame(payload(4, 1)), ping, after]))
        ?.equals(Buffer.concat([ping, after])),
    ).toBe(true);
    expect(got).toEqual([payload(4, 1).toString('hex')]);
    // A fragment, a masked frame and a 64-bit length are not cut either.
    for (const other of [
      frame(payload(4, 1), 2, false),
      Buffer.from([0x82, 0x84, 1, 2, 3, 4, 5, 6, 7, 8]),
      Buffer.from([0x82, 127, 0, 0, 0, 0, 0, 1, 0, 0]),
    ])
      expect(new FrameCutter(() => undefined).push(other)?.equals(other)).toBe(true);
  });
});

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
    // Each seat's batch reaches the other as a state patch, read off the socket without ws.
    expect(pair.counts.patches).toBeGreaterThan(pair.counts.batches / 2);
    expect(pair.counts.direct).toBeGreaterThanOrEqual(pair.counts.patches);
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
