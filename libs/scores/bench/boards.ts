/**
 * Scoreboard query benchmark: fills a SQLite file with BENCH_GAMES games (default 1,000,000) spread
 * over BENCH_DAYS days (default 365), then times every board filter, a player page and a save with
 * a name claim. `npx nx run scores:bench-boards` (BENCH_FILE keeps the file). Prints figures only.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/database.ts';
import { REBUILD_BEST_SCORES } from '../src/game-queries.ts';
import { periodStart } from '@tengen/protocol';
import type { BoardFilter } from '../src/score-store.ts';
import { SqliteScoreStore } from '../src/sqlite-score-store.ts';

const GAMES = Number(process.env['BENCH_GAMES'] ?? 1_000_000);
const NAMES = 20_000;
/** Days the games are spread over (365: a year; 7: every game in the current week, the worst case). */
const DAYS = Number(process.env['BENCH_DAYS'] ?? 365);
const DAY = 86_400_000;
const dir = mkdtempSync(join(tmpdir(), 'bench-boards-'));
const file = process.env['BENCH_FILE'] ?? join(dir, 'boards.db');
const now = Date.now();

// A fixed generator, so every run measures the same file.
let state = 0x2545f491;
const rand = () => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 2 ** 32;
};
const START_LEVELS = [0, 0, 0, 5, 9, 9, 12, 15, 18, 18, 18, 19, 19];

function fill(): void {
  SqliteScoreStore.open(file).close(); // migrate
  const db = openDatabase(file);
  db.exec('PRAGMA synchronous = OFF');
  const insert = db.prepare(
    `INSERT INTO games (id, mode, name, score, lines, level, start_level, frames, seed, replay,
      engine_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`,
  );
  const t = performance.now();
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      // A few names play most games.
      const name = `p${Math.floor(NAMES * rand() ** 3)}`;
      const start = START_LEVELS[Math.floor(rand() * START_LEVELS.length)]!;
      const score = Math.floor(rand() ** 4 * 999_999);
      insert.run(
        `g${i.toString(36).padStart(11, '0')}`,
        rand() < 0.8 ? 'solo' : 'duo',
        name,
        score,
        Math.floor(score / 1000),
        start + Math.floor(score / 50_000),
        start,
        10_000,
        1 + Math.floor(rand() * 65_534),
        '{"version":1}',
        now - Math.floor(rand() * DAYS * DAY),
      );
    }
  });
  for (let i = 0; i < GAMES; i += 50_000) batch(i, Math.min(GAMES, i + 50_000));
  // Rows went straight into `games`: derive each name's best, as the save transaction keeps it.
  db.exec(REBUILD_BEST_SCORES);
  db.close();
  const mb = statSync(file).size / 2 ** 20;
  console.log(
    `filled ${GAMES} games in ${((performance.now() - t) / 1000).toFixed(1)} s, file ${mb.toFixed(0)} MB`,
  );
}

async function time(label: string, op: () => Promise<unknown>, runs = 15): Promise<void> {
  await op(); // warm the page cache and the prepared statement
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await op();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const p = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!.toFixed(2);
  console.log(`${label.padEnd(44)} median ${p(0.5).padStart(8)} ms   max ${p(1).padStart(8)} ms`);
}

async function main(): Promise<void> {
  fill();
  const store = SqliteScoreStore.open(file);
  const at = new Date(now);
  const periods: [string, Date | undefined][] = [
    ['all time', undefined],
    ['this week', periodStart('week', at)],
    ['today', periodStart('today', at)],
  ];
  const db = openDatabase(file);
  for (const [label, since] of periods) {
    if (!since) continue;
    const n = db
      .prepare('SELECT count(*) AS n FROM games WHERE created_at >= ?')
      .get(since.getTime()) as { n: number };
    console.log(`games ${label}: ${n.n}`);
  }
  db.close();
  for (const [period, since] of periods)
    for (const start of [undefined, 0, 18, 19]) {
      const filter: BoardFilter = {};
      if (since) filter.since = since;
      if (start !== undefined) filter.startLevel = start;
      const label = `board solo top 50, ${period}, start ${start ?? 'all'}`;
      await time(label, () => store.topScores('solo', 50, filter));
    }
  await time('board duo top 50, this week, start 19', () =>
    store.topScores('duo', 50, { since: periodStart('week', at), startLevel: 19 }),
  );
  await time('player page (busiest name p0), 20 recent', () => store.playerGames('p0', 20));
  await time('player page (quiet name), 20 recent', () => store.playerGames('p19999', 20));
  let k = 0;
  await time(
    'save a game with a name claim',
    () =>
      store.saveGame({
        mode: 'solo',
        name: `new${k}`,
        score: 1000 + k,
        lines: 1,
        level: 0,
        startLevel: 0,
        frames: 100,
        seed: 1,
        replayJson: '{}',
        engineVersion: 1,
        keyHash: (k++).toString(16).padStart(64, '0'),
      }),
    10,
  );
  store.close();
  if (!process.env['BENCH_FILE']) rmSync(dir, { recursive: true, force: true });
}

await main();
