import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { readFramesDirectly, wholeBinaryFrame, wholeBinaryFrames } from './direct-reads.ts';

const open: { close(): void }[] = [];
afterEach(() => {
  for (const o of open.splice(0)) o.close();
});

/** Colyseus's own limit (`maxPayload` 4 KB), so the over-limit case is the production one. */
const MAX_PAYLOAD = 4096;

interface FrameSpec {
  fin?: boolean;
  rsv1?: boolean;
  opcode?: number;
  mask?: number[] | null;
  /** Write a 7-bit length in the 16-bit form (legal, not minimal). */
  wide?: boolean;
}

/** A client-to-server frame, masked unless `mask: null` (RFC 6455 5.2). */
function frame(payload: Uint8Array, spec: FrameSpec = {}): Buffer {
  const { fin = true, rsv1 = false, opcode = 2, mask = [0x37, 0xfa, 0x21, 0x3d], wide } = spec;
  const n = payload.length;
  const head: number[] = [(fin ? 0x80 : 0) | (rsv1 ? 0x40 : 0) | opcode];
  const m = mask ? 0x80 : 0;
  if (n < 126 && !wide) head.push(m | n);
  else if (n < 65536) head.push(m | 126, n >> 8, n & 0xff);
  else
    head.push(m | 127, 0, 0, 0, 0, (n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
  const body = Buffer.from(payload);
  if (mask) for (let i = 0; i < n; i++) body[i] = body[i]! ^ mask[i % 4]!;
  return Buffer.concat([Buffer.from(head), ...(mask ? [Buffer.from(mask)] : []), body]);
}

const bytes = (n: number, seed = 3) =>
  Uint8Array.from({ length: n }, (_, i) => (i * 7 + seed) & 0xff);
/** Short payloads as hex, long ones as their length and digest (a failure prints readably). */
const hex = (data: Uint8Array) =>
  data.length <= 16
    ? Buffer.from(data).toString('hex')
    : `${data.length}:${createHash('sha256').update(data).digest('hex').slice(0, 16)}`;
const text = (s: string) => new TextEncoder().encode(s);

/**
 * A real ws server (direct reads installed or not) and a raw client socket under a real ws
 * client, so the test writes frames byte for byte. `send` writes and waits until the server has
 * read exactly those bytes: each write is then one read on the server, as each batch is in play.
 */
async function connect(direct: boolean) {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', maxPayload: MAX_PAYLOAD });
  open.push(wss);
  await once(wss, 'listening');
  const accepted = once(wss, 'connection') as Promise<[WebSocket]>;
  const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
  open.push(client);
  const [server] = await accepted;
  await once(client, 'open');
  const reads = { direct: 0, unstreamed: 0 };
  if (direct) expect(readFramesDirectly(server, reads)).toBe(true);
  const log: string[] = [];
  server.on('message', (data: Buffer, binary: boolean) =>
    log.push(`message ${binary ? 'binary' : 'text'} ${hex(data)}`),
  );
  server.on('ping', (data: Buffer) => log.push(`ping ${data.toString('hex')}`));
  server.on('error', (err: Error & { code?: string }) => log.push(`error ${err.code}`));
  const closed = new Promise<void>((resolve) =>
    server.on('close', (code: number, reason: Buffer) => {
      // ws detaches its reader from the socket when reading ends: so must the direct one.
      const readers = (server as unknown as { _socket: Socket })._socket.listenerCount('data');
      log.push(`close ${code} ${reason.toString()}, ${readers} readers`);
      resolve();
    }),
  );
  const serverSocket = (server as unknown as { _socket: Socket })._socket;
  const raw = (client as unknown as { _socket: Socket })._socket;
  let written = serverSocket.bytesRead;
  const send = async (data: Buffer) => {
    written += data.length;
    raw.write(data);
    for (let i = 0; i < 300 && serverSocket.bytesRead < written && !serverSocket.destroyed; i++)
      await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setImmediate(r));
  };
  return { log, send, closed, reads, server };
}

/** Plays `steps` against a server with and without direct reads: both must log the same. */
async function both(steps: Buffer[], ends = false) {
  const runs = [];
  for (const direct of [false, true]) {
    const c = await connect(direct);
    for (const step of steps) await c.send(step);
    if (ends) await c.closed;
    runs.push(c);
  }
  const [plain, direct] = runs as [
    Awaited<ReturnType<typeof connect>>,
    Awaited<ReturnType<typeof connect>>,
  ];
  expect(direct.log).toEqual(plain.log);
  return { log: direct.log, direct: direct.reads.direct, unstreamed: direct.reads.unstreamed };
}

describe('readFramesDirectly', () => {
  it('delivers every frame as ws does, reading the whole binary ones itself', async () => {
    const wholeBinary = [
      frame(bytes(1)),
      frame(bytes(125)),
      frame(bytes(126)),
      frame(bytes(MAX_PAYLOAD)),
      frame(bytes(40), { mask: [0, 0, 0, 0] }),
      frame(bytes(5), { wide: true }),
    ];
    const split = frame(bytes(30, 9));
    const fragments = [frame(bytes(4, 1), { fin: false }), frame(bytes(4, 2), { opcode: 0 })];
    const steps = [
      ...wholeBinary,
      frame(text('hello'), { opcode: 1 }),
      frame(bytes(3), { opcode: 9 }),
      frame(bytes(2, 5)),
      split.subarray(0, 3),
      split.subarray(3),
      Buffer.concat([frame(bytes(6, 4)), frame(bytes(7, 6))]),
      Buffer.concat([frame(bytes(200, 1)), frame(bytes(1, 2)), frame(bytes(9, 3), { wide: true })]),
      // Whole binary frames with something else in the same read: all of it goes to ws.
      Buffer.concat([frame(bytes(5, 7)), frame(bytes(3), { opcode: 9 })]),
      Buffer.concat([frame(bytes(5, 8)), frame(text('hi'), { opcode: 1 })]),
      Buffer.concat([frame(bytes(5, 9)), split.subarray(0, 4)]),
      split.subarray(4),
      ...fragments,
      frame(new Uint8Array(0)),
      frame(bytes(8, 8)),
    ];
    const { log, direct, unstreamed } = await both(steps);
    // Reads of nothing but whole binary frames: the six above, the one after the ping, the two and
    // the three in one read, the last one.
    expect(direct).toBe(13);
    // Every read (one a step) skipped the socket's stream: it flowed with nothing buffered.
    expect(unstreamed).toBe(steps.length);
    expect(log).toHaveLength(24);
    expect(log[0]).toBe(`message binary ${hex(bytes(1))}`);
    expect(log[6]).toBe('message text 68656c6c6f');
    expect(log[7]).toBe(`ping ${hex(bytes(3))}`);
    expect(log[12]).toBe(`message binary ${hex(bytes(200, 1))}`);
    expect(log[14]).toBe(`message binary ${hex(bytes(9, 3))}`);
    expect(log.slice(15, 21)).toEqual([
      `message binary ${hex(bytes(5, 7))}`,
      `ping ${hex(bytes(3))}`,
      `message binary ${hex(bytes(5, 8))}`,
      'message text 6869',
      `message binary ${hex(bytes(5, 9))}`,
      `message binary ${hex(bytes(30, 9))}`,
    ]);
    expect(log[21]).toBe(`message binary ${hex(Buffer.concat([bytes(4, 1), bytes(4, 2)]))}`);
  });

  it('reads nothing after a close frame, as ws does', async () => {
    const { log, direct } = await both(
      [
        frame(bytes(4)),
        Buffer.concat([frame(Uint8Array.of(0x03, 0xe8), { opcode: 8 }), frame(bytes(5))]),
        frame(bytes(6)),
      ],
      true,
    );
    expect(direct).toBe(1);
    expect(log).toEqual([`message binary ${hex(bytes(4))}`, 'close 1000 , 0 readers']);
  });

  it("leaves ws's protocol errors to ws: unmasked, over the size limit, RSV1 without compression", async () => {
    for (const bad of [
      frame(bytes(10), { mask: null }),
      frame(bytes(MAX_PAYLOAD + 1)),
      frame(bytes(10), { rsv1: true }),
    ]) {
      const { log, direct } = await both([frame(bytes(2)), bad, frame(bytes(3))], true);
      expect(direct).toBe(1);
      expect(log[0]).toBe(`message binary ${hex(bytes(2))}`);
      expect(log[1]).toMatch(/^error WS_ERR_/);
      // ws closes the connection (the server side sees it end abnormally); the frame after it is never read.
      expect(log.slice(2)).toEqual(['close 1006 , 0 readers']);
    }
  });

  it('keeps what arrives while ws is paused, in order, and reads on once resumed', async () => {
    const logs = [];
    for (const direct of [false, true]) {
      const c = await connect(direct);
      await c.send(frame(bytes(3, 1)));
      c.server.pause();
      await c.send(frame(bytes(3, 2)));
      await c.send(Buffer.concat([frame(bytes(3, 3)), frame(bytes(3, 4))]));
      expect(c.log).toHaveLength(1);
      c.server.resume();
      await new Promise((r) => setTimeout(r, 20));
      await c.send(frame(bytes(3, 5)));
      logs.push(c.log);
      // Paused, the stream kept both reads and gave them to onData on resume, which read all three
      // frames in them directly; the other reads skipped the stream.
      if (direct) expect(c.reads).toEqual({ direct: 5, unstreamed: 2 });
    }
    expect(logs[1]).toEqual(logs[0]);
    expect(logs[1]).toEqual([1, 2, 3, 4, 5].map((k) => `message binary ${hex(bytes(3, k))}`));
  });

  it('delivers the rest of a read after a listener closed the connection, as ws does', async () => {
    const logs = [];
    for (const direct of [false, true]) {
      const c = await connect(direct);
      c.server.once('message', () => c.server.close(4000, 'bye'));
      await c.send(Buffer.concat([frame(bytes(3, 1)), frame(bytes(3, 2)), frame(bytes(3, 3))]));
      await c.closed;
      logs.push(c.log);
      if (direct) expect(c.reads.direct).toBe(3);
    }
    expect(logs[1]).toEqual(logs[0]);
    expect(logs[1]?.slice(0, 3)).toEqual(
      [1, 2, 3].map((k) => `message binary ${hex(bytes(3, k))}`),
    );
  });

  it('counts a read as whole binary frames only when nothing else is in it', () => {
    const a = frame(bytes(10));
    const b = frame(bytes(300), { mask: [1, 2, 3, 4] });
    expect(wholeBinaryFrames(Buffer.concat([a, b, a]), MAX_PAYLOAD)).toBe(3);
    expect(wholeBinaryFrames(a, MAX_PAYLOAD)).toBe(1);
    for (const bad of [
      Buffer.concat([a, b.subarray(0, b.length - 1)]),
      Buffer.concat([a, frame(bytes(2), { opcode: 8 })]),
      Buffer.concat([a, frame(bytes(2), { mask: null })]),
      Buffer.concat([a, frame(bytes(MAX_PAYLOAD + 1))]),
      Buffer.concat([a, frame(new Uint8Array(0))]),
      Buffer.alloc(0),
    ])
      expect(wholeBinaryFrames(bad, MAX_PAYLOAD)).toBe(0);
    // Counting touches nothing: the frames are still masked.
    const two = Buffer.concat([a, a]);
    const copy = Buffer.from(two);
    wholeBinaryFrames(two, MAX_PAYLOAD);
    expect(two.equals(copy)).toBe(true);
    expect(wholeBinaryFrame(Buffer.concat([a, a]), MAX_PAYLOAD)).toBeNull();
  });

  it('installs once, and only on a server-side ws socket', async () => {
    const c = await connect(true);
    expect(readFramesDirectly(c.server)).toBe(false);
    expect(readFramesDirectly(undefined)).toBe(false);
    expect(readFramesDirectly({ _isServer: true })).toBe(false);
  });
});

describe('wholeBinaryFrame', () => {
  it('unmasks every payload length mod 4 and refuses anything but one whole frame', () => {
    for (const n of [1, 2, 3, 4, 5, 6, 7, 125, 126, 300]) {
      const payload = wholeBinaryFrame(frame(bytes(n)), MAX_PAYLOAD);
      expect(payload && Buffer.compare(payload, Buffer.from(bytes(n)))).toBe(0);
    }
    const one = frame(bytes(10));
    expect(wholeBinaryFrame(one.subarray(0, one.length - 1), 0)).toBeNull();
    expect(wholeBinaryFrame(Buffer.concat([one, Buffer.of(0)]), 0)).toBeNull();
    expect(wholeBinaryFrame(frame(bytes(10)), 9)).toBeNull();
    expect(wholeBinaryFrame(frame(bytes(70_000)), 0)).toBeNull();
  });
});
