// Worker thread of the benchmark: opens bot pairs against the server and reports measurements.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { Client as SdkClient } from '@colyseus/sdk';
import type { RoomStateShape } from '@tengen/protocol';
import { LoadPair } from './load-pair.ts';

// Use the `ws` package rather than Node's built-in WebSocket: its socket exposes exact wire bytes.
Reflect.deleteProperty(globalThis, 'WebSocket');
const { Client } = await import('@colyseus/sdk');

interface Job {
  url: string;
  pairs: number;
  rampMs: number;
  level: number;
  nice: number;
}
const job = workerData as Job;
// The load generator shares the machine with the server: let the server have the CPU first
// (on Linux, priority 0 here means this thread only).
if (job.nice > 0) setPriority(0, job.nice);
const port = parentPort;
if (!port) throw new Error('load-worker must run as a worker thread');

const pairs: LoadPair[] = [];
let failures = 0;
const silence = () => undefined;
console.info = silence; // the SDK logs reconnection chatter

async function openPair(client: SdkClient): Promise<void> {
  const host = await client.create<RoomStateShape>('duo', { private: true });
  const guest = await client.joinById<RoomStateShape>(host.roomId, {});
  pairs.push(new LoadPair(host, guest));
  for (const room of [host, guest]) {
    room.send('selectLevel', { level: job.level });
    room.send('ready', {});
  }
}

const ticker = setInterval(() => {
  const now = performance.now();
  for (const p of pairs) p.tick(now);
}, 16);

const client = new Client(job.url);
const gap = job.rampMs / Math.max(1, job.pairs);
const opening: Promise<void>[] = [];
for (let i = 0; i < job.pairs; i++) {
  opening.push(openPair(client).catch(() => void failures++));
  await new Promise((r) => setTimeout(r, gap));
}
await Promise.all(opening);
port.postMessage({ type: 'ready', players: pairs.length * 2, failures });

port.on('message', async (msg: { type: 'mark' | 'report' }) => {
  const now = performance.now();
  if (msg.type === 'mark') {
    for (const p of pairs) p.mark(now);
    port.postMessage({ type: 'marked' });
    return;
  }
  const totals = { bytesIn: 0, bytesOut: 0, minutes: 0, spawns: 0, moves: 0, errors: 0, connected: 0 };
  const latencies: number[] = [];
  for (const p of pairs) {
    const u = p.usage(now);
    totals.bytesIn += u.bytesIn;
    totals.bytesOut += u.bytesOut;
    totals.minutes += u.minutes;
    totals.connected += u.connected;
    totals.errors += u.errors;
    // Both players of a pair make the same spawns and moves.
    totals.spawns += 2 * p.spawns;
    totals.moves += 2 * p.moves;
    for (const l of p.latencies) latencies.push(l);
  }
  clearInterval(ticker);
  port.postMessage({ type: 'report', players: pairs.length * 2, failures, ...totals, latencies });
  await Promise.allSettled(pairs.flatMap((p) => p.seats.map((s) => s.room.leave(true))));
  process.exit(0);
});
