// Load generator process of the capacity benchmark (`capacity.ts` forks it and pins it to a core).
// It plays duo pairs of lean players (`lean-pair.ts`: one game, one cheap bot and one encoding per
// pair, state patches counted but not decoded) and reports, besides the traffic, whether it kept up:
// how late its ticks ran (every frame due is played and sent at the next tick, so a late tick is a
// late batch) and the CPU it used.
// First: the SDK must load over the `ws` package (see ws-sockets.ts), before anything loads the SDK.
import './ws-sockets.ts';
import { setPriority } from 'node:os';
import { createHistogram } from 'node:perf_hooks';
import { testAddress } from '@tengen/test-kit';
import { z } from 'zod';
import { LeanPair } from './lean-pair.ts';

const job = z
  .object({
    url: z.url(),
    level: z.number().int().min(0).max(19),
    nice: z.number().int(),
    tickMs: z.number().int().min(1).max(1000),
  })
  .parse(JSON.parse(process.env['BENCH_JOB'] ?? '{}'));
const request = z.discriminatedUnion('type', [
  z.object({ type: z.literal('open'), pairs: z.number().int().min(0), rampMs: z.number().min(0) }),
  z.object({ type: z.literal('mark') }),
  z.object({ type: z.literal('report') }),
  z.object({ type: z.literal('close') }),
]);
if (!process.send) throw new Error('load-worker must be forked with an IPC channel');
const reply = (m: object) => process.send!(m);
// The probe players share this core: they come first.
if (job.nice > 0) setPriority(job.nice);
console.info = () => undefined; // the SDK logs reconnection chatter
console.warn = () => undefined;

/** How often the generator plays up to the clock (a browser at 60 fps does every 16 ms). */
const TICK_MS = job.tickMs;
const pairs: LeanPair[] = [];
let failures = 0;
const counts = { errors: 0, unranked: 0, games: 0, replaced: 0 };
/** Refusals by code while measured (a healthy run has none but `wrongPhase` rematch retries). */
let refusals: Record<string, number> = {};
/** Since `mark`: when, the sockets' bytes, batches sent and CPU. */
let mark = { at: performance.now(), read: 0, written: 0, batches: 0, cpu: process.cpuUsage() };
/** How late each tick ran (ms past its due time, at least 1: the histogram's floor). */
const tickLate = createHistogram();
let lastTick = performance.now();

const events = {
  onMessage(pair: LeanPair, type: string, payload: unknown): void {
    if (type === 'error') {
      counts.errors++;
      const code = String((payload as { code?: unknown }).code);
      refusals[code] = (refusals[code] ?? 0) + 1;
      // A starved generator can lose a batch; rather than resend, it starts a fresh room.
      if (code === 'badFrame' && !pair.broken) {
        pair.broken = true;
        void replace(pair);
      }
    } else if (type === 'unranked') counts.unranked++;
    else if (type === 'start' && pair.game !== undefined) counts.games++;
  },
};

async function openPair(): Promise<void> {
  // Each pair is its own network (the server limits room creation per address).
  pairs.push(await LeanPair.open(job.url, job.level, { 'x-forwarded-for': testAddress() }, events));
}

/** Leaves a broken pair's room and opens a new pair in its place. */
async function replace(pair: LeanPair): Promise<void> {
  counts.replaced++;
  pairs.splice(pairs.indexOf(pair), 1);
  await pair.leave();
  await openPair().catch(() => void failures++);
}

setInterval(() => {
  const now = performance.now();
  tickLate.record(Math.max(1, Math.round(now - lastTick - TICK_MS)));
  lastTick = now;
  for (const pair of pairs) {
    pair.advance(now);
    // Over: both ask for a rematch once the server has seen the top-out (refusals until then).
    if (pair.overAt !== undefined && now - pair.overAt > 1000 && now - pair.askedAt > 2000)
      pair.rematch(now);
  }
}, TICK_MS);

function totals() {
  let read = 0;
  let written = 0;
  let batches = 0;
  let connected = 0;
  for (const pair of pairs) {
    const w = pair.wire;
    read += w.read;
    written += w.written;
    batches += pair.counts.batches;
    if (!pair.closed) connected += 2;
  }
  return { read, written, batches, connected };
}

/** Traffic and generator health since `mark`. */
function report() {
  const now = performance.now();
  const t = totals();
  const cpu = process.cpuUsage(mark.cpu);
  return {
    type: 'report',
    players: pairs.length * 2,
    connected: t.connected,
    failures,
    bytesIn: t.read - mark.read,
    bytesOut: t.written - mark.written,
    minutes: (pairs.length * 2 * (now - mark.at)) / 60_000,
    // Batches this process wrote, and the ones a browser would have sent in the same time.
    batches: t.batches - mark.batches,
    seconds: (now - mark.at) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    tickLateP99Ms: tickLate.percentile(99),
    tickLateMaxMs: tickLate.max,
    ...counts,
    refusals,
  };
}

process.on('message', async (raw) => {
  const msg = request.parse(raw);
  switch (msg.type) {
    case 'open': {
      const gap = msg.rampMs / Math.max(1, msg.pairs);
      const opening: Promise<void>[] = [];
      for (let i = 0; i < msg.pairs; i++) {
        opening.push(
          openPair().catch((err: unknown) => {
            if (failures++ === 0)
              process.stderr.write(`load worker: a pair failed to open: ${String(err)}\n`);
          }),
        );
        await new Promise((r) => setTimeout(r, gap));
      }
      await Promise.all(opening);
      reply({ type: 'opened', players: pairs.length * 2, failures });
      return;
    }
    case 'mark': {
      const t = totals();
      mark = { at: performance.now(), ...t, cpu: process.cpuUsage() };
      tickLate.reset();
      counts.errors = counts.unranked = counts.games = counts.replaced = 0;
      refusals = {};
      reply({ type: 'marked' });
      return;
    }
    case 'report':
      reply(report());
      return;
    case 'close':
      await Promise.allSettled(pairs.map((p) => p.leave()));
      process.exit(0);
      return;
    default: {
      const never: never = msg;
      throw new Error(`unknown request ${JSON.stringify(never)}`);
    }
  }
});
// The bench is gone (killed, or a timeout): so are its players.
process.on('disconnect', () => process.exit(0));
reply({ type: 'ready' });
