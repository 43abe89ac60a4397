import { describe, expect, it } from 'vitest';
import { MAX_BATCH_FRAMES, MAX_BATCH_RUNS } from './constants.ts';
import { fastInputs } from './inputs-fast-path.ts';
import { clientMessageSchema } from './schemas.ts';

/** The schema's verdict on an `inputs` payload, as `parseClientMessage` asks it. */
const zodVerdict = (payload: unknown) =>
  clientMessageSchema.safeParse({ ...(payload as object), type: 'inputs' });

/** `[, 1]`: a run whose first slot is a hole. */
function sparseRun(): unknown[] {
  const run: unknown[] = [];
  run[1] = 1;
  return run;
}

const edgeCases: [string, unknown][] = [
  ['one run', { from: 0, runs: [[1, 0]] }],
  ['largest values', { from: 2 ** 31 - 1, runs: [[MAX_BATCH_FRAMES, 255]] }],
  ['most runs', { from: 5, runs: Array.from({ length: MAX_BATCH_RUNS }, () => [1, 3]) }],
  ['one run too many', { from: 5, runs: Array.from({ length: MAX_BATCH_RUNS + 1 }, () => [1, 3]) }],
  ['a type key (overridden)', { type: 'pause', from: 3, runs: [[2, 1]] }],
  ['extra key', { from: 0, runs: [[1, 0]], frames: 1 }],
  ['missing runs', { from: 0 }],
  ['missing from', { runs: [[1, 0]] }],
  ['negative frame', { from: -1, runs: [[1, 0]] }],
  ['frame past int32', { from: 2 ** 31, runs: [[1, 0]] }],
  ['fractional frame', { from: 1.5, runs: [[1, 0]] }],
  ['string frame', { from: '0', runs: [[1, 0]] }],
  ['NaN frame', { from: NaN, runs: [[1, 0]] }],
  ['Infinity frame', { from: Infinity, runs: [[1, 0]] }],
  ['bigint frame', { from: 1n, runs: [[1, 0]] }],
  ['negative zero frame', { from: -0, runs: [[1, 0]] }],
  ['empty runs', { from: 0, runs: [] }],
  ['runs not an array', { from: 0, runs: { 0: [1, 0], length: 1 } }],
  ['zero-length run', { from: 0, runs: [[0, 1]] }],
  ['run too long', { from: 0, runs: [[MAX_BATCH_FRAMES + 1, 1]] }],
  ['buttons not a byte', { from: 0, runs: [[1, 256]] }],
  ['negative buttons', { from: 0, runs: [[1, -1]] }],
  ['run with three numbers', { from: 0, runs: [[1, 0, 0]] }],
  ['run with one number', { from: 0, runs: [[1]] }],
  ['run not an array', { from: 0, runs: [1] }],
  ['null run', { from: 0, runs: [null] }],
  ['sparse run', { from: 0, runs: [sparseRun()] }],
  ['null payload', null],
  ['array payload', [1, 2]],
  ['string payload', 'inputs'],
  ['undefined payload', undefined],
];

describe('fastInputs', () => {
  it.each(edgeCases)('agrees with the schema: %s', (_name, payload) => {
    const zod = zodVerdict(payload);
    const fast = fastInputs(payload);
    // The fast path may only say yes when the schema does, and then to the same message.
    if (fast) expect(zod).toEqual({ success: true, data: fast });
    // Where the schema says yes, the fast path says yes too (it is the hot path, not a filter).
    if (zod.success && payload !== undefined) expect(fast).toEqual(zod.data);
  });

  it('agrees with the schema on 20,000 random payloads near the bounds', () => {
    let seed = 12345;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    // Mostly valid numbers, sometimes one just past a bound or of the wrong kind.
    const num = () =>
      rnd() < 0.9
        ? pick([1, 2, 200, 255])
        : pick([0, -1, 256, MAX_BATCH_FRAMES, MAX_BATCH_FRAMES + 1, 0.5, 2 ** 31, NaN, '1', null]);
    let accepted = 0;
    for (let i = 0; i < 20_000; i++) {
      const runs = Array.from({ length: pick([0, 1, 2, 3]) }, () =>
        Array.from({ length: pick([1, 2, 2, 2, 3]) }, num),
      );
      const payload: Record<string, unknown> = { from: num(), runs };
      if (rnd() < 0.05) payload['extra'] = 1;
      if (rnd() < 0.05) delete payload['from'];
      const zod = zodVerdict(payload);
      const fast = fastInputs(payload);
      expect(fast !== null).toBe(zod.success);
      if (fast) {
        accepted++;
        expect(fast).toEqual(zod.data);
      }
    }
    // The generator must reach both verdicts, or the comparison proves nothing.
    expect(accepted).toBeGreaterThan(100);
    expect(accepted).toBeLessThan(19_000);
  });

  it('returns runs the caller may keep: a copy, not the payload arrays', () => {
    const payload = { from: 0, runs: [[2, 1]] };
    const out = fastInputs(payload)!;
    payload.runs[0]![0] = 9;
    expect(out.runs).toEqual([[2, 1]]);
  });
});
