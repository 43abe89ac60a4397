import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { writeFrame } from './direct-frames.ts';

const open: { close(): void }[] = [];
afterEach(() => {
  for (const o of open.splice(0)) o.close();
});

/** A real ws server and client connected over loopback: the server's socket and what the client reads. */
async function connect(perMessageDeflate = false) {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate });
  open.push(wss);
  await once(wss, 'listening');
  const accepted = once(wss, 'connection') as Promise<[WebSocket]>;
  const port = (wss.address() as AddressInfo).port;
  const client = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate });
  open.push(client);
  const received: { data: Buffer; binary: boolean }[] = [];
  client.on('message', (data: Buffer, binary: boolean) => received.push({ data, binary }));
  const [server] = await accepted;
  await once(client, 'open');
  return { server, client, received };
}

const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + 3) & 0xff);

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

describe('writeFrame', () => {
  it("frames every payload length class exactly as ws's receiver reads it", async () => {
    const { server, received } = await connect();
    // 7-bit lengths up to 125, 16-bit from 126 to 65535, 64-bit above.
    const sizes = [0, 1, 125, 126, 127, 65535, 65536, 70_000];
    const written: boolean[] = [];
    for (const n of sizes) written.push(writeFrame(server, bytes(n)));
    expect(written).toEqual(sizes.map(() => true));
    await until(() => received.length === sizes.length);
    expect(received.map((m) => m.binary)).toEqual(sizes.map(() => true));
    expect(received.map((m) => m.data.length)).toEqual(sizes);
    for (const [i, n] of sizes.entries())
      expect(Buffer.compare(received[i]!.data, Buffer.from(bytes(n)))).toBe(0);
  });

  it("keeps order with ws's own sends and calls back once written", async () => {
    const { server, received } = await connect();
    const done: (Error | null | undefined)[] = [];
    server.send(Uint8Array.of(1));
    expect(writeFrame(server, Uint8Array.of(2), (err) => done.push(err))).toBe(true);
    server.send(Uint8Array.of(3));
    await until(() => received.length === 3 && done.length === 1);
    expect(received.map((m) => m.data[0])).toEqual([1, 2, 3]);
    expect(done).toEqual([undefined]);
  });

  it('leaves to ws what it must send itself: a compressed connection, a closed socket, a client socket', async () => {
    const compressed = await connect(true);
    expect(writeFrame(compressed.server, bytes(10))).toBe(false);
    // Client-side frames are masked.
    const plain = await connect();
    expect(writeFrame(plain.client, bytes(10))).toBe(false);
    plain.server.close();
    expect(writeFrame(plain.server, bytes(10))).toBe(false);
    // Not a ws socket at all.
    expect(writeFrame(undefined, bytes(10))).toBe(false);
    expect(writeFrame({ readyState: 1 }, bytes(10))).toBe(false);
  });
});
