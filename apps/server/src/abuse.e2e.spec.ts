import { readFileSync } from 'node:fs';
import { Client } from '@colyseus/sdk';
import {
  CLOSE_CODE,
  CODE_JOIN_BURST,
  CODE_JOINS_PER_MINUTE,
  MATCHMAKE_REFUSAL,
  ROOM_CODE_ALPHABET,
  ROOM_CODE_LENGTH,
  ROOM_CREATE_BURST,
  ROOM_CREATES_PER_MINUTE,
} from '@tengen/protocol';
import { startServerProcess, TestPlayer, testAddress, type ServerProcess } from '@tengen/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closed, matchmake, rawJoin, streamBody } from './testing/raw-client.ts';

const servers: ServerProcess[] = [];

/** The real server as its own process (its stdout log lines are collected). */
async function start(env: Record<string, string> = {}): Promise<ServerProcess> {
  const s = await startServerProcess(env);
  servers.push(s);
  return s;
}

afterAll(async () => {
  for (const s of servers) await s.stop();
});

/** Resident memory of a process in MB (Linux /proc). */
function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

const as = (address: string) => ({ 'x-forwarded-for': address });
const randomCode = () =>
  Array.from(
    { length: ROOM_CODE_LENGTH },
    () => ROOM_CODE_ALPHABET[Math.floor(Math.random() * ROOM_CODE_ALPHABET.length)],
  ).join('');

// Behind the load balancer: one trusted hop, and one allowed foreign origin.
let server: ServerProcess;
beforeAll(async () => {
  server = await start({ TRUSTED_PROXY_HOPS: '1', CORS_ORIGINS: 'https://friend.example' });
});

/**
 * Calls `call` while it answers `passed` and returns the first other answer (the refusal), having
 * checked how many went through: the burst, plus at most one per refill of `perMinute` while they
 * ran (on a loaded machine the calls can outlast a refill, and each refill lets one more through).
 */
async function untilRefused<T extends { status: number }>(
  call: () => Promise<T>,
  passed: number,
  burst: number,
  perMinute: number,
): Promise<T> {
  const started = Date.now();
  for (let through = 0; ; through++) {
    const res = await call();
    if (res.status === passed) {
      if (through > burst + 100) throw new Error(`${through} calls and none refused`);
      continue;
    }
    expect(through).toBeGreaterThanOrEqual(burst);
    expect(through).toBeLessThanOrEqual(
      burst + Math.floor((Date.now() - started) / (60_000 / perMinute)),
    );
    return res;
  }
}

/** Opens solo rooms (headers from `headers`) until one is refused; returns the refusal. */
const spendRoomBudget = (headers: () => Record<string, string>, url = server.url) =>
  untilRefused(
    () => matchmake(url, 'create', 'solo', {}, headers()),
    200,
    ROOM_CREATE_BURST,
    ROOM_CREATES_PER_MINUTE,
  );

describe('room creation per address', () => {
  it('refuses a flood from one address, then allows it again after the refill', async () => {
    const flooder = testAddress();
    const refused = await spendRoomBudget(() => as(flooder));
    expect(refused.status).toBe(MATCHMAKE_REFUSAL.tooManyRooms);
    expect(refused.body).toEqual({
      code: MATCHMAKE_REFUSAL.tooManyRooms,
      error: 'too many rooms opened from your network, wait a minute',
    });
    // Another network is not affected.
    expect((await matchmake(server.url, 'create', 'solo', {}, as(testAddress()))).status).toBe(200);

    // One room's worth of budget comes back every 60 / ROOM_CREATES_PER_MINUTE seconds.
    await new Promise((r) => setTimeout(r, (60_000 / ROOM_CREATES_PER_MINUTE) * 1.1));
    expect((await matchmake(server.url, 'create', 'solo', {}, as(flooder))).status).toBe(200);
    expect((await matchmake(server.url, 'create', 'solo', {}, as(flooder))).status).toBe(
      MATCHMAKE_REFUSAL.tooManyRooms,
    );
  });

  it('a joinOrCreate counts only when it creates a room', async () => {
    const player = testAddress();
    await spendRoomBudget(() => as(player));
    // No duo room waiting: this quick match would create one, and is refused.
    const refused = await matchmake(server.url, 'joinOrCreate', 'duo', {}, as(player));
    expect(refused.status).toBe(MATCHMAKE_REFUSAL.tooManyRooms);
    // Someone else is waiting: the same player may join that room.
    const host = await TestPlayer.connect(server.url, 'joinOrCreate', 'duo');
    const joined = await matchmake(server.url, 'joinOrCreate', 'duo', {}, as(player));
    expect(joined.status).toBe(200);
    expect(joined.body.roomId).toBe(host.room.roomId);
    await host.leave();
  });
});

describe('client address behind proxies', () => {
  it('with TRUSTED_PROXY_HOPS=0, X-Forwarded-For is ignored: a spoofer stays one address', async () => {
    const direct = await start({ TRUSTED_PROXY_HOPS: '0' });
    const spoofed = await spendRoomBudget(() => as(testAddress()), direct.url);
    expect(spoofed.status).toBe(MATCHMAKE_REFUSAL.tooManyRooms);
  });

  it('with one trusted hop, the entry the proxy appended counts, not what the client wrote', async () => {
    const real = testAddress();
    const again = await spendRoomBudget(() => as(`${testAddress()}, ${real}`));
    expect(again.status).toBe(MATCHMAKE_REFUSAL.tooManyRooms);
    const other = await matchmake(
      server.url,
      'create',
      'solo',
      {},
      as(`${real}, ${testAddress()}`),
    );
    expect(other.status).toBe(200);
  });
});

describe('private room codes', () => {
  it('guessing codes hits the join-by-code limit; failed guesses count', async () => {
    const host = await TestPlayer.connect(server.url, 'create', 'duo', { private: true });
    await host.until('code', () => (host.room.state.code ?? '') !== '');
    const code = host.room.state.code;
    expect(code).toHaveLength(ROOM_CODE_LENGTH);

    const guesser = testAddress();
    // Every guess is not found (522) until the address's attempts are spent.
    const spent = await untilRefused(
      () => matchmake(server.url, 'joinById', randomCode(), {}, as(guesser)),
      522,
      CODE_JOIN_BURST,
      CODE_JOINS_PER_MINUTE,
    );
    expect(spent.status).toBe(MATCHMAKE_REFUSAL.tooManyCodeAttempts);
    // Even the right code is refused now: the address spent its attempts.
    const refused = await matchmake(server.url, 'joinById', code, {}, as(guesser));
    expect(refused.status).toBe(MATCHMAKE_REFUSAL.tooManyCodeAttempts);
    expect(refused.body.error).toMatch(/too many room codes/);

    // The friend, from another network, joins by the code.
    const friend = await TestPlayer.connect(server.url, 'joinById', code);
    expect(friend.room.roomId).toBe(code);
    await friend.leave();
    await host.leave();
  });
});

describe('matchmaking request bodies', () => {
  it.each([
    ['a 100 MB body is refused with 413 before it is read (Content-Length)', false],
    ['a chunked body is cut off once it passes the limit', true],
  ])('%s', async (_name, chunked) => {
    const pid = server.proc.pid!;
    const before = rssMb(pid);
    const { status, written } = await streamBody(
      `${server.url}/matchmake/create/solo`,
      100 * 1024 * 1024,
      chunked,
    );
    expect(status).toBe(413);
    // The answer came while the client had sent a small part of the body.
    expect(written).toBeLessThan(32 * 1024 * 1024);
    expect(rssMb(pid) - before).toBeLessThan(30);
    // Small bodies still work.
    expect((await matchmake(server.url, 'create', 'solo', { watchSelf: true })).status).toBe(200);
  });
});

describe('malformed frames', () => {
  it('a garbage flood closes the socket with 4400 and logs one summary line, no stack', async () => {
    const seat = await matchmake(server.url, 'create', 'solo', {}, as(testAddress()));
    const ws = await rawJoin(server.url, seat.body);
    const close = closed(ws);
    let x = 12345;
    for (let i = 0; i < 200; i++) {
      const frame = new Uint8Array(17);
      for (let j = 0; j < frame.length; j++) frame[j] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
      // ROOM_DATA with a garbage body, or an unknown frame code.
      frame[0] = i % 2 ? 13 : 0xff;
      ws.send(frame);
    }
    expect((await close).code).toBe(CLOSE_CODE.tooManyErrors);

    const session = seat.body.sessionId;
    const mine = async () => {
      for (let i = 0; i < 50; i++) {
        const found = server.logs.filter((l) => l['session'] === session && 'malformedFrames' in l);
        if (found.length > 0) return found;
        await new Promise((r) => setTimeout(r, 100));
      }
      return [];
    };
    const summary = await mine();
    expect(summary).toHaveLength(1);
    expect(summary[0]?.['malformedFrames']).toBeGreaterThan(20);
    expect(summary[0]?.['msg']).toMatch(/^\d+ malformed frames/);
    expect(
      server.logs.filter((l) => l['session'] === session && l['reason'] === 'tooManyErrors'),
    ).toHaveLength(1);
    // No log line anywhere carries a stack trace.
    expect(server.logs.filter((l) => /\n\s+at /.test(JSON.stringify(l['msg'] ?? '')))).toEqual([]);
    expect(server.logs.filter((l) => JSON.stringify(l).includes('\\n    at '))).toEqual([]);
  });

  it('a frame above the size limit closes the socket (1009) with one log line, no stack', async () => {
    const seat = await matchmake(server.url, 'create', 'solo', {}, as(testAddress()));
    const ws = await rawJoin(server.url, seat.body);
    const close = closed(ws);
    ws.send(new Uint8Array(64 * 1024).fill(13));
    expect((await close).code).toBe(1009);
    await new Promise((r) => setTimeout(r, 300));
    const lines = server.logs.filter(
      (l) => l['msg'] === 'WebSocket protocol error: connection closed',
    );
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(String(lines.at(-1)?.['error'])).toMatch(/Max payload size exceeded/);
    expect(server.logs.filter((l) => JSON.stringify(l).includes('\\n    at '))).toEqual([]);
  });
});

describe('metrics and CORS', () => {
  it('/metrics is served on the metrics port only', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
    const res = await fetch(server.metricsUrl);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('tengen_matchmake_refusals_total{reason="tooManyRooms"}');
    expect((await fetch(server.metricsUrl.replace('/metrics', '/healthz'))).status).toBe(404);
  });

  it('matchmaking answers a configured origin, never a foreign one', async () => {
    const createFrom = (origin: string) =>
      matchmake(server.url, 'create', 'solo', {}, { ...as(testAddress()), origin });
    const foreign = await createFrom('https://evil.example');
    expect(foreign.status).toBe(200);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect(foreign.headers.get('access-control-allow-credentials')).toBeNull();
    const friend = await createFrom('https://friend.example');
    expect(friend.headers.get('access-control-allow-origin')).toBe('https://friend.example');

    const preflight = async (origin: string) =>
      fetch(`${server.url}/matchmake/create/solo`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
    expect(
      (await preflight('https://evil.example')).headers.get('access-control-allow-origin'),
    ).toBeNull();
    expect(
      (await preflight('https://friend.example')).headers.get('access-control-allow-origin'),
    ).toBe('https://friend.example');
    const page = await fetch(`${server.url}/healthz`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('connection cap', () => {
  it('refuses the player past MAX_CONNECTIONS with a clear message, and lets one in when a seat frees', async () => {
    const small = await start({ MAX_CONNECTIONS: '2' });
    const a = await TestPlayer.connect(small.url, 'create', 'solo');
    const b = await TestPlayer.connect(small.url, 'create', 'solo');
    const third = TestPlayer.connect(small.url, 'create', 'solo');
    await expect(third).rejects.toMatchObject({
      code: MATCHMAKE_REFUSAL.serverFull,
      message: 'the server is full, try again shortly',
    });
    await a.leave();
    // Once the server has seen that socket close, there is room again.
    let c: TestPlayer | undefined;
    for (let i = 0; !c && i < 50; i++) {
      c = await TestPlayer.connect(small.url, 'create', 'solo').catch(async (err: unknown) => {
        expect(err).toMatchObject({ code: MATCHMAKE_REFUSAL.serverFull });
        await new Promise((r) => setTimeout(r, 100));
        return undefined;
      });
    }
    if (!c) throw new Error('no seat came free after a player left');
    await Promise.all([b.leave(), c.leave()]);
  });

  it('refuses the socket itself when seats were handed out faster than sockets opened', async () => {
    const small = await start({ MAX_CONNECTIONS: '1' });
    const seats = [
      await matchmake(small.url, 'create', 'solo', {}, as(testAddress())),
      await matchmake(small.url, 'create', 'solo', {}, as(testAddress())),
    ];
    expect(seats.map((s) => s.status)).toEqual([200, 200]);
    const first = await new Client(small.url).consumeSeatReservation(seats[0]!.body as never);
    await expect(
      new Client(small.url).consumeSeatReservation(seats[1]!.body as never),
    ).rejects.toMatchObject({ code: MATCHMAKE_REFUSAL.serverFull });
    await first.leave();
  });
});
