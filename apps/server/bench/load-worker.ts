// Worker thread of the benchmark: opens bot pairs against the server and reports measurements.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { LoadGroup } from './load-group.ts';

interface Job {
  url: string;
  pairs: number;
  rampMs: number;
  level: number;
  nice: number;
}
const job = workerData as Job;
const port = parentPort;
if (!port) throw new Error('load-worker must run as a worker thread');
// The load generator shares the machine with the server: let the server have the CPU first
// (on Linux, priority 0 here means this thread only).
if (job.nice > 0) setPriority(0, job.nice);
console.info = () => undefined; // the SDK logs reconnection chatter

const group = new LoadGroup(job.url, job.level);
await group.open(job.pairs, job.rampMs);
port.postMessage({ type: 'ready', players: group.pairs.length * 2, failures: group.failures });

port.on('message', async (msg: { type: 'mark' | 'report' }) => {
  if (msg.type === 'mark') {
    group.mark();
    port.postMessage({ type: 'marked' });
    return;
  }
  port.postMessage({ type: 'report', ...group.report() });
  await group.close();
  process.exit(0);
});
