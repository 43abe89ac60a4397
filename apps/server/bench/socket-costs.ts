// What this machine charges for the two system calls every input batch needs at the least: a
// patch-sized frame written to a loopback TCP socket by a process on one core, and read by a
// process on the other, each through Node's own `net` sockets (no WebSocket, no Colyseus). The
// capacity benchmark prints it before and after its ramp, as a gauge of the machine's speed that
// no change to the server moves (issue 11, session 16).
// `npx nx run server:bench -c sockets` (env: BENCH_SECONDS=8 BENCH_RATE=16000 BENCH_SOCKETS=2000
// BENCH_BYTES=40 BENCH_SERVER_CORE=0 BENCH_LOAD_CORE=1). Loopback only.
import { fork } from 'node:child_process';
import { createServer, connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { pinProcess } from './pin.ts';

/** CPU per message, in microseconds, of the writing and the reading process. */
export interface SocketCosts {
  /** Messages written per second over the measured window. */
  rate: number;
  write: { user: number; system: number };
  read: { user: number; system: number };
  /** Reads per message (below 1 when several messages arrived in one read). */
  readsPerMessage: number;
}

export interface SocketCostOptions {
  /** The writer's core (the server's, in the capacity benchmark) and the reader's. */
  writerCore: number;
  readerCore: number;
  seconds: number;
  /** Messages a second, spread round-robin over `sockets` connections. */
  rate: number;
  sockets: number;
  bytes: number;
}

type Usage = { user: number; system: number; reads: number };
type Reply =
  | { type: 'port'; port: number }
  | { type: 'usage'; usage: Usage }
  | { type: 'costs'; costs: SocketCosts };

const self = fileURLToPath(import.meta.url);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The next IPC message of `type` from `child` (or the parent, for `process`). */
function next<T extends Reply['type']>(
  from: NodeJS.Process | ReturnType<typeof fork>,
  type: T,
): Promise<Extract<Reply, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`socket-costs child exited (${code})`));
    const onMessage = (m: Reply) => {
      if (m.type !== type) return;
      from.off('message', onMessage);
      from.off('exit', onExit);
      resolve(m as Extract<Reply, { type: T }>);
    };
    from.on('message', onMessage);
    from.once('exit', onExit);
  });
}

/** Measures the write and read costs (see the file's comment) in two child processes. */
export async function measureSocketCosts(opts: SocketCostOptions): Promise<SocketCosts> {
  const writer = fork(self, ['writer', JSON.stringify(opts)], { stdio: 'inherit' });
  try {
    return (await next(writer, 'costs')).costs;
  } finally {
    writer.kill();
  }
}

/** The reading process: counts reads, reports its CPU when asked. */
function runReader(): void {
  let reads = 0;
  const server = createServer((s) => {
    s.setNoDelay(true);
    s.on('data', () => reads++);
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP address');
    process.send?.({ type: 'port', port: address.port });
  });
  process.on('message', () => {
    const { user, system } = process.cpuUsage();
    process.send?.({ type: 'usage', usage: { user, system, reads } });
  });
  process.on('disconnect', () => process.exit(0));
}

/** The writing process: opens the connections, writes at the rate, reports the costs. */
async function runWriter(opts: SocketCostOptions): Promise<void> {
  pinProcess(process.pid, opts.writerCore);
  const reader = fork(self, ['reader'], { stdio: 'inherit' });
  pinProcess(reader.pid ?? 0, opts.readerCore);
  const { port } = await next(reader, 'port');
  const sockets: Socket[] = [];
  // A few at a time: thousands of connects at once overflow the listen backlog (SYN retries).
  while (sockets.length < opts.sockets)
    sockets.push(
      ...(await Promise.all(
        Array.from(
          { length: Math.min(100, opts.sockets - sockets.length) },
          () =>
            new Promise<Socket>((resolve, reject) => {
              const s = connect(port, '127.0.0.1', () => resolve(s));
              s.setNoDelay(true);
              s.once('error', reject);
            }),
        ),
      )),
    );
  const frame = Buffer.alloc(opts.bytes, 0x5a);
  let written = 0;
  let turn = 0;
  const started = performance.now();
  // Every millisecond, the writes that came due since the start (timers run late under load).
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - started) / 1000) * opts.rate);
    for (; written < due; written++) sockets[turn++ % sockets.length]!.write(frame);
  }, 1);
  const usage = async () => (reader.send({ type: 'usage' }), (await next(reader, 'usage')).usage);
  await sleep(1000);
  const w0 = process.cpuUsage();
  const r0 = await usage();
  const n0 = written;
  const t0 = performance.now();
  await sleep(opts.seconds * 1000);
  const w = process.cpuUsage(w0);
  const r1 = await usage();
  const messages = written - n0;
  const wall = (performance.now() - t0) / 1000;
  clearInterval(timer);
  for (const s of sockets) s.destroy();
  reader.kill();
  const per = (us: number) => us / messages;
  const costs: SocketCosts = {
    rate: messages / wall,
    write: { user: per(w.user), system: per(w.system) },
    read: { user: per(r1.user - r0.user), system: per(r1.system - r0.system) },
    readsPerMessage: (r1.reads - r0.reads) / messages,
  };
  process.send?.({ type: 'costs', costs });
}

/** One line: total and kernel microseconds per message on each side. */
export function formatSocketCosts(c: SocketCosts): string {
  const us = (x: { user: number; system: number }) =>
    `${(x.user + x.system).toFixed(1)} us (kernel ${x.system.toFixed(1)})`;
  return (
    `a ${Math.round(c.rate).toLocaleString('en-US')}/s stream of small frames over loopback TCP: ` +
    `write ${us(c.write)}, read ${us(c.read)} per frame ` +
    `(${c.readsPerMessage.toFixed(2)} reads a frame)`
  );
}

const role = process.argv[2];
if (role === 'reader') runReader();
else if (role === 'writer')
  await runWriter(JSON.parse(process.argv[3] ?? '{}') as SocketCostOptions);
else if (process.argv[1] === self) {
  const env = (name: string, fallback: number) => {
    const value = Number(process.env[name] ?? fallback);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number >= 0`);
    return value;
  };
  const opts: SocketCostOptions = {
    writerCore: env('BENCH_SERVER_CORE', 0),
    readerCore: env('BENCH_LOAD_CORE', 1),
    seconds: env('BENCH_SECONDS', 8),
    rate: env('BENCH_RATE', 16_000),
    sockets: Math.max(1, env('BENCH_SOCKETS', 2_000)),
    bytes: Math.max(1, env('BENCH_BYTES', 40)),
  };
  process.stdout.write(
    `writer on core ${opts.writerCore}, reader on core ${opts.readerCore}, ${opts.sockets} ` +
      `connections, ${opts.bytes}-byte frames, ${opts.seconds} s\n`,
  );
  process.stdout.write(`${formatSocketCosts(await measureSocketCosts(opts))}\n`);
}
