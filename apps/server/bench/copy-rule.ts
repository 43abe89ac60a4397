// Measures the copy rule (`src/game/copy-check.ts`): how many placements independent games on one
// seed share, against copies with small edits; and what one comparison costs.
// `node --conditions=@tengen/source apps/server/bench/copy-rule.ts` (about a minute).
import { WEIGHTS } from '@tengen/bot';
import type { Replay } from '@tengen/engine';
import { COPY_MAX_CANDIDATES, COPY_MIN_SHARED_PIECES, COPY_WINDOW_PIECES } from '@tengen/protocol';
import { SqliteScoreStore } from '@tengen/scores';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CopyGuard } from '../src/game/copy-guard.ts';
import { placements, sharedPlacements } from '../src/game/copy-check.ts';
import { replayFrames, withFrames } from '../src/testing/replay-frames.ts';
import { botGame, rng, type Weights } from '../src/testing/styled-player.ts';

function scaled(k: Partial<Weights>): Weights {
  return { ...WEIGHTS, ...k };
}

/** The copy attacks: identical, a few frames changed late, the start altered, a delay inserted. */
function attacks(victim: Replay, seed: number): Record<string, Replay> {
  const f = replayFrames(victim.inputs);
  const rand = rng(seed);
  const late = [...f];
  for (let k = 0; k < 3; k++) {
    const i = Math.floor(f.length * (0.8 + 0.2 * rand()));
    late[i] = Math.floor(rand() * 32);
  }
  // Tool-assisted: flip Left in each of the first 120 frames where the engine shows no change.
  const start = [...f];
  const want = placements(victim);
  for (let i = 0; i < 120; i++) {
    start[i] = start[i]! ^ 1;
    const got = placements(withFrames(victim, start));
    if (got.length !== want.length || got.some((x, k) => x !== want[k])) start[i] = start[i]! ^ 1;
  }
  const mid = Math.floor(f.length / 2);
  const delayed = [...f.slice(0, mid), ...Array<number>(30).fill(0), ...f.slice(mid)];
  const every = [...f];
  for (let i = 600; i < every.length; i += 600) every[i] = every[i]! ^ 1;
  return {
    identical: victim,
    'late: 3 frames changed in the last 20%': withFrames(victim, late),
    'start: first 120 frames retouched': withFrames(victim, start),
    'delay: 30 idle frames inserted mid-game': withFrames(victim, delayed),
    'every 600th frame flipped': withFrames(victim, every),
  };
}

const W = COPY_WINDOW_PIECES;
const seeds = [0x1234, 0x8988, 0x2222, 0x4444, 0x5a5a, 0x0b0e];
const levels = [0, 9, 15, 18, 19];
const MAX = 30_000;
let honestWorst = 0;
let botFamilyPairs = 0;
let botFamilyCopies = 0;
let uncaughtLongest = 0;
let attackBest = Infinity;
const honest: string[] = [];
const attack: string[] = [];
for (const level of levels) {
  for (const seed of seeds) {
    const base = { weights: WEIGHTS, softDrop: true, maxDelay: 8, noise: 0, rand: 1 };
    const variants = {
      bot: botGame(seed, level, base, MAX),
      'holes x0.8': botGame(
        seed,
        level,
        { ...base, weights: scaled({ holes: WEIGHTS.holes * 0.8 }) },
        MAX,
      ),
      'bumpiness x1.2, gravity': botGame(
        seed,
        level,
        { ...base, softDrop: false, weights: scaled({ bumpiness: WEIGHTS.bumpiness * 1.2 }) },
        MAX,
      ),
      'height x1.1, reflex 0-20': botGame(
        seed,
        level,
        {
          ...base,
          maxDelay: 20,
          weights: scaled({ aggregateHeight: WEIGHTS.aggregateHeight * 1.1 }),
        },
        MAX,
      ),
      'noisy #1 (noise 0.1)': botGame(seed, level, { ...base, noise: 0.1, rand: 7 }, MAX),
      'noisy #2 (noise 0.1)': botGame(seed, level, { ...base, noise: 0.1, rand: 8 }, MAX),
      'noisy #3 (noise 0.3)': botGame(seed, level, { ...base, noise: 0.3, rand: 9 }, MAX),
    };
    const names = Object.keys(variants) as (keyof typeof variants)[];
    const p = names.map((n) => placements(variants[n]));
    for (let i = 0; i < names.length; i++)
      for (let j = i + 1; j < names.length; j++) {
        const s = sharedPlacements(p[i]!, p[j]!, W);
        // Pairs with a noisy player model independent people (or one person's retries); the
        // noiseless variants are one deterministic heuristic with tweaks, i.e. one player.
        if (names[i]!.startsWith('noisy') || names[j]!.startsWith('noisy'))
          honestWorst = Math.max(honestWorst, s);
        else {
          botFamilyPairs++;
          if (s >= COPY_MIN_SHARED_PIECES) botFamilyCopies++;
        }
        honest.push(
          `L${level} ${seed.toString(16)} ${names[i]} (${p[i]!.length}) vs ${names[j]} (${p[j]!.length}): ${s}/${W}`,
        );
      }
    const victim = variants.bot;
    const v = placements(victim);
    for (const [name, r] of Object.entries(attacks(victim, seed))) {
      const c = placements(r);
      const s = sharedPlacements(c, v, W);
      // Only attacks whose result is worth stealing count (at least W pieces played).
      if (c.length >= W) attackBest = Math.min(attackBest, s);
      if (s < COPY_MIN_SHARED_PIECES) uncaughtLongest = Math.max(uncaughtLongest, c.length);
      attack.push(
        `L${level} ${seed.toString(16)} ${name}: ${s}/${W} (${c.length} vs ${v.length} pieces)`,
      );
    }
  }
}
console.log('independent games on one seed (placements shared in the best window):');
for (const l of honest) console.log(`  ${l}`);
console.log('copies of the bot game:');
for (const l of attack) console.log(`  ${l}`);
console.log(`noisy (independent) pairs: at most ${honestWorst}/${W} shared`);
console.log(
  `noiseless bot variants (one heuristic): ${botFamilyCopies} of ${botFamilyPairs} pairs at or over the threshold`,
);
console.log(
  `copies: weakest of >= ${W} pieces ${attackBest}/${W}; below the threshold (${COPY_MIN_SHARED_PIECES}) the longest copy ran ${uncaughtLongest} pieces`,
);

// Cost: the whole check (read, parse, replay, compare) against COPY_MAX_CANDIDATES stored games
// of 30 minutes each on one seed, none of them a match (the worst case: every one is compared).
const long = botGame(
  0x8988,
  9,
  { weights: WEIGHTS, softDrop: true, maxDelay: 0, noise: 0, rand: 1 },
  30 * 60 * 60,
);
const other = botGame(
  0x8988,
  9,
  { weights: WEIGHTS, softDrop: true, maxDelay: 0, noise: 0.3, rand: 5 },
  30 * 60 * 60,
);
const dir = mkdtempSync(join(tmpdir(), 'copy-rule-'));
const store = SqliteScoreStore.open(join(dir, 'db.sqlite'));
try {
  for (let i = 0; i < COPY_MAX_CANDIDATES; i++) {
    await store.saveGame({
      mode: 'solo',
      name: `p${i}`,
      score: 1000 + i,
      lines: 0,
      level: 9,
      startLevel: 9,
      frames: replayFrames(long.inputs).length,
      seed: 0x8988,
      replayJson: JSON.stringify(long),
      engineVersion: 1,
    });
  }
  const cpuMs = (since?: NodeJS.CpuUsage) => {
    const u = process.cpuUsage(since);
    return (u.user + u.system) / 1000;
  };
  const c0 = process.cpuUsage();
  const lp = placements(long);
  const one = cpuMs(c0);
  const guard = new CopyGuard(store);
  const c1 = process.cpuUsage();
  const found = await guard.find('me', other);
  const cold = cpuMs(c1);
  const c2 = process.cpuUsage();
  await guard.find('me', other);
  const warm = cpuMs(c2);
  console.log(
    `placements of a ${replayFrames(long.inputs).length}-frame game (${lp.length} pieces): ${one.toFixed(1)} ms CPU; ` +
      `the check against ${COPY_MAX_CANDIDATES} such stored games: ${cold.toFixed(0)} ms CPU, ` +
      `${warm.toFixed(0)} ms with their placements cached (found: ${found})`,
  );
} finally {
  store.close();
  rmSync(dir, { recursive: true, force: true });
}
