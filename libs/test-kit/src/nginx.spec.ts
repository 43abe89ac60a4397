import { createHash } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNginx, type TestNginx } from './nginx.ts';

/** A backend that answers `name url x-forwarded-for` and echoes WebSocket text frames (tiny, unmasked). */
function backend(name: string): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    res.end(`${name} ${req.url} ${String(req.headers['x-forwarded-for'])}`);
  });
  server.on('upgrade', (req, socket) => {
    const accept = createHash('sha1')
      .update(`${String(req.headers['sec-websocket-key'])}258EAFA5-E914-47DA-95CA-C5AB0DC11B85`)
      .digest('base64');
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    const text = Buffer.from(`${name} ${req.url}`);
    socket.write(Buffer.concat([Buffer.from([0x81, text.length]), text]));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, port: (server.address() as AddressInfo).port }),
    ),
  );
}

const text = async (url: string, init?: RequestInit) => {
  const res = await fetch(url, init);
  return { status: res.status, body: await res.text() };
};

let nginx: TestNginx;
let a: { server: Server; port: number };
let b: { server: Server; port: number };

beforeAll(async () => {
  a = await backend('a');
  b = await backend('b');
  nginx = await startNginx({ pods: { '/pods/t-0': a.port, '/pods/t-1': b.port }, ready: [a.port] });
});
afterAll(async () => {
  await nginx?.stop();
  a?.server.close();
  b?.server.close();
});

describe('startNginx (Debian nginx routing as the chart Ingress does)', () => {
  it('sends each pod path to its pod with the path intact, the rest to the ready pods, and never /metrics', async () => {
    expect((await text(`${nginx.url}/pods/t-1/x/y?q=1`)).body).toMatch(
      /^b \/pods\/t-1\/x\/y\?q=1 /,
    );
    expect((await text(`${nginx.url}/pods/t-1`)).body).toMatch(/^b \/pods\/t-1 /);
    // Prefix by path element: /pods/t-10 is not pod t-1's.
    expect((await text(`${nginx.url}/pods/t-10/x`)).body).toMatch(/^a \/pods\/t-10\/x /);
    expect((await text(`${nginx.url}/api/scores`)).body).toMatch(/^a \/api\/scores /);
    expect(await text(`${nginx.url}/metrics`)).toEqual({ status: 404, body: 'not found' });
  });

  it('appends the peer to X-Forwarded-For, as the ALB does', async () => {
    const { body } = await text(`${nginx.url}/`, { headers: { 'x-forwarded-for': '198.18.0.7' } });
    expect(body).toBe('a / 198.18.0.7, 127.0.0.1');
  });

  it('upgrades WebSockets on pod paths (101, then the first frame from the backend)', async () => {
    const { status, first } = await new Promise<{ status: number; first: string }>(
      (resolve, reject) => {
        const req = request(`${nginx.url}/pods/t-1/proc/room?sessionId=s`, {
          headers: {
            connection: 'Upgrade',
            upgrade: 'websocket',
            'sec-websocket-version': '13',
            'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
          },
        });
        req.on('upgrade', (res, socket, head) => {
          const done = (data: Buffer) => {
            socket.destroy();
            resolve({ status: res.statusCode ?? 0, first: data.subarray(2).toString() });
          };
          if (head.length > 0) done(head);
          else socket.once('data', done);
        });
        req.on('response', (res) => reject(new Error(`no upgrade: ${res.statusCode}`)));
        req.on('error', reject);
        req.end();
      },
    );
    expect(status).toBe(101);
    expect(first).toBe('b /pods/t-1/proc/room?sessionId=s');
  });

  it('reroutes on reload: a pod with no ready target answers 503, and / follows the ready list', async () => {
    await nginx.route({ pods: { '/pods/t-0': a.port, '/pods/t-1': undefined }, ready: [] });
    expect((await text(`${nginx.url}/pods/t-1/x`)).status).toBe(503);
    expect((await text(`${nginx.url}/`)).status).toBe(503);
    await nginx.route({ pods: { '/pods/t-0': a.port, '/pods/t-1': a.port }, ready: [b.port] });
    expect((await text(`${nginx.url}/pods/t-1/x`)).body).toMatch(/^a /);
    expect((await text(`${nginx.url}/`)).body).toMatch(/^b /);
    expect(nginx.errorLog()).not.toMatch(/\[emerg\]/);
  });
});
