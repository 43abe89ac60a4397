import { describe, expect, it } from 'vitest';
import { MAX_BATCH_FRAMES } from './constants.ts';
import { inputsEdgeCases } from './inputs-edge-cases.ts';
import { fastInputs } from './inputs-fast-path.ts';
import { clientMessageSchema } from './schemas.ts';

/** The schema's verdict on an `inputs` payload, as `parseClientMessage` asks it. */
const zodVerdict = (payload: unknown) =>
  clientMessageSchema.safeParse({ ...(payload as object), type: 'inputs' });

describe('fastInputs', () => {
  it.each(inputsEdgeCases)('agrees with the schema: %s', (_name, payload) => {
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
