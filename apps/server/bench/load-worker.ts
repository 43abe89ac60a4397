// Load generator process of the capacity benchmark (`capacity.ts` forks it and pins it to a core).
// It plays duo pairs with the test kit's `TestPlayer` in lean mode: the SDK joins and sends, state
// patches are received and counted but not decoded. The two players of a pair are dealt the same
// pieces, so one engine and one bot play for both and each connection sends the same batches (what
// two real browsers would send), which halves the generator's CPU without changing the server's work.
// First: the SDK must load over the `ws` package (see ws-sockets.ts), before the test kit loads it.
import './ws-sockets.ts';
import { setPriority } from 'node:os';
import { TestPlayer, testAddress, type TestPlayer as Player } from '@tengen/test-kit';
import { z } from 'zod';

const job = z
  .object({ url: z.url(), level: z.number().int().min(0).max(19), nice: z.number().int() })
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

/** One duo room: the host plays, the guest mirrors its batches. */
interface Pair {
  host: Player;
  guest: Player;
  /** When the current game ended (ms), to ask for the rematch. */
  overAt: number | undefined;
  askedAt: number;
  mark: { read: number; written: number };
  /** The server refused a batch as out of order: the pair is replaced by a fresh one. */
  broken: boolean;
}
const pairs: Pair[] = [];
let failures = 0;
let markAt = performance.now();
const counts = { errors: 0, unranked: 0, games: 0, replaced: 0 };
/** Refusals by code while measured (a healthy run has none but `wrongPhase` rematch retries). */
let refusals: Record<string, number> = {};

async function openPair(): Promise<void> {
  // Each pair is its own network (the server limits room creation per address).
  const headers = { 'x-forwarded-for': testAddress() };
  const how = { lean: true, headers };
  const host = await TestPlayer.connect(
    job.url,
    'create',
    'duo',
    { private: true, watchSelf: false },
    how,
  );
  const guest = await TestPlayer.connect(
    job.url,
    'joinById',
    host.room.roomId,
    { watchSelf: false },
    how,
  );
  host.mirrors.push(guest);
  const pair: Pair = {
    host,
    guest,
    overAt: undefined,
    askedAt: 0,
    mark: { read: 0, written: 0 },
    broken: false,
  };
  for (const p of [host, guest]) {
    p.room.onMessage('*', (type, payload) => {
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
      else if (type === 'start' && p === host) counts.games++;
    });
    p.send('selectLevel', { level: job.level });
    p.send('ready');
  }
  pairs.push(pair);
}

/** Leaves a broken pair's room and opens a new pair in its place. */
async function replace(pair: Pair): Promise<void> {
  counts.replaced++;
  pairs.splice(pairs.indexOf(pair), 1);
  await Promise.allSettled([pair.host.leave(), pair.guest.leave()]);
  await openPair().catch(() => void failures++);
}

// Every 50 ms: each game plays up to the wall clock (batches go out as the browser's would).
setInterval(() => {
  const now = performance.now();
  for (const pair of pairs) {
    const { host, guest } = pair;
    if (host.game === undefined || host.closed) continue;
    if (!host.game.topOut) {
      host.advance({ leadFrames: 0 });
      if (host.game.topOut) pair.overAt = now;
      continue;
    }
    // Over: both ask for a rematch once the server has seen the top-out (refusals until then).
    if (pair.overAt !== undefined && now - pair.overAt > 1000 && now - pair.askedAt > 2000) {
      pair.askedAt = now;
      host.send('rematch');
      guest.send('rematch');
    }
  }
}, 50);

/** Bytes both ways on every socket since `mark`, and player-minutes. */
function report() {
  const now = performance.now();
  let bytesIn = 0;
  let bytesOut = 0;
  let connected = 0;
  for (const pair of pairs)
    for (const p of [pair.host, pair.guest]) {
      const w = p.wire;
      bytesIn += w.read;
      bytesOut += w.written;
      if (!p.closed) connected++;
    }
  for (const pair of pairs) {
    bytesIn -= pair.mark.read;
    bytesOut -= pair.mark.written;
  }
  return {
    type: 'report',
    players: pairs.length * 2,
    connected,
    failures,
    bytesIn,
    bytesOut,
    minutes: (pairs.length * 2 * (now - markAt)) / 60_000,
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
        opening.push(openPair().catch(() => void failures++));
        await new Promise((r) => setTimeout(r, gap));
      }
      await Promise.all(opening);
      reply({ type: 'opened', players: pairs.length * 2, failures });
      return;
    }
    case 'mark': {
      markAt = performance.now();
      for (const pair of pairs) {
        const [a, b] = [pair.host.wire, pair.guest.wire];
        pair.mark = { read: a.read + b.read, written: a.written + b.written };
      }
      counts.errors = counts.unranked = counts.games = counts.replaced = 0;
      refusals = {};
      reply({ type: 'marked' });
      return;
    }
    case 'report':
      reply(report());
      return;
    case 'close':
      await Promise.allSettled(pairs.flatMap((p) => [p.host.leave(), p.guest.leave()]));
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
