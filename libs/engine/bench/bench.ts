// Engine benchmark: replays the golden bot games (engine only) and verifies the 30-minute replay.
// Usage: node --conditions=@tengen/source libs/engine/bench/bench.ts [seconds]
import { parseReplay, runReplay, type Replay } from '../src/index.ts';
import { loadGoldenFixtures } from '../src/fixtures/load-fixtures.ts';

const seconds = Number(process.argv[2] ?? 3);
const fixtures = loadGoldenFixtures();
const replays: Replay[] = fixtures.map((f) => parseReplay(f.replay));

// Check every fixture once, so the figures below are for correct replays.
for (const [i, f] of fixtures.entries()) {
  const got = JSON.stringify(runReplay(replays[i]!));
  if (got !== JSON.stringify(f.summary)) throw new Error(`${f.name}: summary mismatch ${got}`);
}

// Throughput: all golden replays, round after round, for `seconds` on one core.
let frames = 0;
let rounds = 0;
const start = process.hrtime.bigint();
const budget = BigInt(Math.round(seconds * 1e9));
while (process.hrtime.bigint() - start < budget) {
  for (const r of replays) frames += runReplay(r).frames;
  rounds++;
}
const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
const perSecond = frames / elapsed;

// Verification latency: parse + run the 108,000-frame replay from its JSON text, median of runs.
const marathon = fixtures.find((f) => f.summary.frames >= 108_000);
if (marathon === undefined)
  throw new Error('no 108,000-frame fixture; run libs/bot/bin/record-golden.ts');
const text = JSON.stringify(marathon.replay);
const times: number[] = [];
// Warm-up runs above already compiled the engine; the server verifies in a long-lived process.
for (let i = 0; i < 31; i++) {
  const t0 = process.hrtime.bigint();
  const summary = runReplay(parseReplay(JSON.parse(text)));
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  if (summary.frames !== marathon.summary.frames) throw new Error('marathon mismatch');
}
times.sort((a, b) => a - b);
const median = times[times.length >> 1]!;

console.log(
  `replays: ${fixtures.length} golden games, ${rounds} rounds, ${frames} frames in ${elapsed.toFixed(2)} s`,
);
console.log(`throughput: ${(perSecond / 1e6).toFixed(1)}M frames/s (target >= 10M)`);
console.log(
  `verify ${marathon.summary.frames}-frame replay: median ${median.toFixed(2)} ms of ${times.length} ` +
    `(min ${times[0]!.toFixed(2)}, max ${times[times.length - 1]!.toFixed(2)}; target < 20 ms)`,
);
