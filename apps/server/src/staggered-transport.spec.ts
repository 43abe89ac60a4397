import { Protocol } from '@colyseus/core';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import {
  heartbeat,
  StaggeredWebSocketTransport,
  type HeartbeatSocket,
} from './staggered-transport.ts';

const open: { close(): void }[] = [];
afterEach(() => {
  for (const o of open.splice(0)) o.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A real ws server socket and its client. The server side counts pings as Colyseus's transport
 * does (`pingCount`, reset by a pong); `autoPong: false` makes a client that never answers.
 */
async function connect(autoPong = true) {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  open.push(wss);
  await once(wss, 'listening');
  const accepted = once(wss, 'connection') as Promise<[WebSocket]>;
  const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, {
    autoPong,
  });
  open.push(client);
  let pings = 0;
  client.on('ping', () => pings++);
  const [raw] = await accepted;
  await once(client, 'open');
  const socket = raw as unknown as HeartbeatSocket & WebSocket;
  socket.pingCount = 0;
  raw.on('pong', () => (socket.pingCount = 0));
  return { socket, client, pings: () => pings };
}

/** One look, then time for the ping or the pong to cross loopback. */
async function look(socket: HeartbeatSocket) {
  const verdict = heartbeat(socket, 2);
  await sleep(30);
  return verdict;
}

describe('heartbeat', () => {
  it('never pings a client that keeps sending', async () => {
    const { socket, client, pings } = await connect();
    const verdicts = [];
    for (let i = 0; i < 5; i++) {
      client.send('batch');
      await sleep(20);
      verdicts.push(await look(socket));
    }
    expect(verdicts).toEqual(['heard', 'heard', 'heard', 'heard', 'heard']);
    expect(pings()).toBe(0);
    expect(socket.readyState).toBe(WebSocket.OPEN);
  });

  it('pings a silent client every other look while it answers, and keeps it', async () => {
    const { socket, pings } = await connect();
    const verdicts = [];
    for (let i = 0; i < 6; i++) verdicts.push(await look(socket));
    // The handshake's bytes count as heard first; then each pong is heard at the next look.
    expect(verdicts).toEqual(['heard', 'pinged', 'heard', 'pinged', 'heard', 'pinged']);
    expect(pings()).toBe(3);
    expect(socket.readyState).toBe(WebSocket.OPEN);
  });

  it('drops a client that neither sends nor answers after pingMaxRetries pings', async () => {
    const { socket, client, pings } = await connect(false);
    const closed = once(client, 'close');
    const verdicts = [];
    for (let i = 0; i < 4; i++) verdicts.push(await look(socket));
    expect(verdicts).toEqual(['heard', 'pinged', 'pinged', 'dropped']);
    expect(pings()).toBe(2);
    await closed;
  });
});

describe('StaggeredWebSocketTransport', () => {
  it("reads clients' binary frames directly, and Colyseus still answers them", async () => {
    const http = createServer();
    const transport = new StaggeredWebSocketTransport({ server: http });
    open.push({ close: () => void transport.shutdown() });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    // No room in the path: Colyseus answers every message on such a socket with a PING frame.
    const client = new WebSocket(`ws://127.0.0.1:${(http.address() as AddressInfo).port}/`);
    open.push(client);
    const answers: number[] = [];
    client.on('message', (data: Buffer) => answers.push(data[0]!));
    await once(client, 'open');
    for (let i = 0; i < 3; i++) {
      client.send(Uint8Array.of(Protocol.ROOM_DATA, i));
      await sleep(20);
    }
    expect(answers).toEqual([Protocol.PING, Protocol.PING, Protocol.PING]);
    expect(transport.directReads.direct).toBe(3);
  });
});
