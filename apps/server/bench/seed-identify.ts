// How many leading pieces identify a game's seed among all 65,535? The NES generator is 16-bit, so a
// client that sees the first pieces (current, NEXT and PIECES_AHEAD more at the start) can search
// every seed for those that deal the same pieces. This measures how soon that search has one answer.
// Usage: node --conditions=@tengen/source apps/server/bench/seed-identify.ts [maxPieces]
import { SeededPieces } from '@tengen/engine';
import { PIECES_AHEAD } from '@tengen/protocol';

const K = Number(process.argv[2] ?? 48);
const SEEDS = 0xffff;
const t0 = performance.now();
// seqs[(seed - 1) * K + i]: piece i of the seed's sequence.
const seqs = new Uint8Array(SEEDS * K);
for (let seed = 1; seed <= SEEDS; seed++)
  seqs.set(new SeededPieces(seed).slice(0, K), (seed - 1) * K);

const order = Array.from({ length: SEEDS }, (_, i) => i);
const cmp = (a: number, b: number): number => {
  for (let i = 0; i < K; i++) {
    const d = seqs[a * K + i]! - seqs[b * K + i]!;
    if (d !== 0) return d;
  }
  return 0;
};
order.sort(cmp);
const lcp = (a: number, b: number): number => {
  let i = 0;
  while (i < K && seqs[a * K + i] === seqs[b * K + i]) i++;
  return i;
};
// Seeds s and s ^ 1 deal the same pieces for ever: the generator shifts bit 0 out before any piece
// reads it. What an attacker needs is the sequence (the future pieces), so seeds that deal the same
// first K pieces count as one answer. In lexicographic order a sequence's longest prefix shared with
// a different sequence is with the nearest different neighbour: one piece more tells them apart.
const needed = new Int32Array(SEEDS);
let distinct = 0;
for (let j = 0; j < SEEDS; j++) {
  const s = order[j]!;
  if (j === 0 || lcp(s, order[j - 1]!) < K) distinct++;
  let shared = 0;
  for (let k = j - 1; k >= 0; k--) {
    const l = lcp(s, order[k]!);
    if (l < K) {
      shared = Math.max(shared, l);
      break;
    }
  }
  for (let k = j + 1; k < SEEDS; k++) {
    const l = lcp(s, order[k]!);
    if (l < K) {
      shared = Math.max(shared, l);
      break;
    }
  }
  needed[s] = shared + 1;
}

const sorted = Array.from(needed).sort((a, b) => a - b);
const q = (p: number) => sorted[Math.min(SEEDS - 1, Math.floor(p * SEEDS))]!;

// Candidates left after the pieces a client holds at the start (current + NEXT + PIECES_AHEAD).
const atStart = 2 + PIECES_AHEAD;
const groups = new Map<string, number>();
for (let s = 0; s < SEEDS; s++) {
  const key = seqs.subarray(s * K, s * K + atStart).join('');
  groups.set(key, (groups.get(key) ?? 0) + 1);
}
let candidates = 0;
// Sum over seeds of their group's size, in sequences (a seed and its twin are one answer).
for (const n of groups.values()) candidates += (n * n) / 2;
const uniqueAtStart = sorted.filter((n) => n <= atStart).length;

console.log(
  `seeds: ${SEEDS}, first ${K} pieces each: ${distinct} distinct sequences, ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
console.log(
  `pieces needed to identify the sequence: median ${q(0.5)}, p90 ${q(0.9)}, p99 ${q(0.99)}, max ${sorted[SEEDS - 1]}`,
);
console.log(
  `at the start a client holds ${atStart} pieces (PIECES_AHEAD = ${PIECES_AHEAD}): ` +
    `${(candidates / SEEDS).toFixed(1)} candidate sequences on average, ${uniqueAtStart} seeds (${((100 * uniqueAtStart) / SEEDS).toFixed(2)}%) already unique`,
);
for (const n of [8, 10, 12, 16, 20]) {
  const share = sorted.filter((x) => x <= n).length / SEEDS;
  console.log(`  identified by ${n} pieces: ${(100 * share).toFixed(2)}% of seeds`);
}
