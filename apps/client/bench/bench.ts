// Client benchmark: `npx nx run client:bench` (builds first). Prints the gzip size of the JS a first
// visit loads, the time from navigation to the first playable frame, and the p99 per-frame update
// cost while a long, line-clearing game plays through the real renderer (headless Chromium).
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { playGame } from '@tengen/bot';
import { replayStats } from '@tengen/engine';
import { FRAMES_PER_SECOND, type GameInfoResponse } from '@tengen/protocol';
import { launch, median } from './bench-browser.ts';
import { serveDist } from './static-server.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const dist = join(root, 'dist', 'apps', 'client');
const TARGET = { gzipKb: 450, firstPlayableMs: 1500, p99Ms: 2 };
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const PLAY_SECONDS = Number(process.env['BENCH_PLAY_SECONDS'] ?? 30);

if (!existsSync(join(dist, 'index.html')))
  throw new Error(`no build at ${dist}: run npx nx build client first`);

// A long bot game (line clears, Tetrises, level-ups) served as a replay: the same engine and renderer
// path as live play, with inputs every frame.
const { replay, summary } = playGame({
  seed: 0x2f1b,
  startLevel: 7,
  maxFrames: Math.round((PLAY_SECONDS + 10) * FRAMES_PER_SECOND),
});
const info: GameInfoResponse = {
  id: 'benchgame',
  mode: 'solo',
  name: 'bench',
  score: summary.score,
  lines: summary.lines,
  level: summary.level,
  startLevel: replay.startLevel,
  frames: summary.frames,
  engineVersion: replay.version,
  at: new Date().toISOString(),
  stats: replayStats(replay, FRAMES_PER_SECOND),
};
const { url, server } = await serveDist(dist, {
  '/api/replays/benchgame': JSON.stringify(replay),
  '/api/games/benchgame': JSON.stringify(info),
});
const browser = await launch();
try {
  // 1. JS a first visit to the title screen downloads (lazy chunks such as the network SDK excluded).
  const page = await browser.newPage();
  const scripts = new Set<string>();
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.add(new URL(r.url()).pathname);
  });
  await page.goto(`${url}/`, { waitUntil: 'networkidle' });
  let gzip = 0;
  for (const s of scripts) gzip += gzipSync(readFileSync(join(dist, s)), { level: 9 }).length;
  await page.close();

  // 2. Navigation to the first playable frame (a deep link straight into a solo game), fresh page each run.
  const starts: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const p = await browser.newPage();
    await p.goto(`${url}/solo?level=9`);
    const ms = await p.waitForFunction(
      () => window.__tengenPerf?.report().firstPlayableMs ?? null,
      null,
      { timeout: 20_000 },
    );
    starts.push((await ms.jsonValue()) as number);
    await p.close();
  }

  // 3. Per-frame update cost while the replay theater plays it (after a warm-up second).
  const p = await browser.newPage();
  await p.goto(`${url}/replay/benchgame`);
  await p.getByTestId('theater-play').waitFor({ timeout: 20_000 });
  await p.waitForTimeout(1000);
  await p.evaluate(() => window.__tengenPerf?.reset());
  await p.waitForTimeout(PLAY_SECONDS * 1000);
  const perf = await p.evaluate(() => window.__tengenPerf!.report());
  const shown = await p.getByTestId('hud-lines').textContent();

  const rows: [string, string, string][] = [
    [
      'first-visit JS (gzip)',
      `${(gzip / 1024).toFixed(1)} KB in ${scripts.size} file(s)`,
      `≤ ${TARGET.gzipKb} KB`,
    ],
    [
      'first playable frame (median)',
      `${median(starts).toFixed(0)} ms (runs: ${starts.map((s) => s.toFixed(0)).join(', ')})`,
      `< ${TARGET.firstPlayableMs} ms`,
    ],
    [
      'per-frame update p99',
      `${perf.p99.toFixed(2)} ms (p50 ${perf.p50.toFixed(2)}, max ${perf.max.toFixed(2)}, ${perf.count} frames)`,
      `< ${TARGET.p99Ms} ms`,
    ],
    [
      'display frames drawn',
      `${perf.drawn} of ${perf.steps} (${((100 * perf.drawn) / Math.max(1, perf.steps)).toFixed(0)} %; the rest changed nothing)`,
      'none (figure)',
    ],
  ];
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  console.log(
    `client bench: headless Chromium (machine load average ${load}), ${PLAY_SECONDS} s of a bot replay (start level 7; ${summary.lines} lines in the full game, ${shown} lines shown when sampling stopped)`,
  );
  for (const [k, v, t] of rows) console.log(`  ${k.padEnd(30)} ${v.padEnd(58)} target ${t}`);
  const ok =
    gzip / 1024 <= TARGET.gzipKb &&
    median(starts) < TARGET.firstPlayableMs &&
    perf.p99 < TARGET.p99Ms;
  console.log(ok ? 'all targets met' : 'TARGET MISSED');
  process.exitCode = ok ? 0 : 1;
} finally {
  await browser.close();
  server.close();
}
