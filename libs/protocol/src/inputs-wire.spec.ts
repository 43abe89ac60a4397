import fc from 'fast-check';
import { Packr, unpack } from 'msgpackr';
import { describe, expect, it } from 'vitest';
import { MAX_BATCH_FRAMES, MAX_BATCH_RUNS } from './constants.ts';
import { inputsEdgeCases } from './inputs-edge-cases.ts';
import { decodeInputsWire } from './inputs-wire.ts';
import { parseClientMessage } from './schemas.ts';

/** The SDK's packer (`new Packr()` in `@colyseus/sdk`'s Room: objects as msgpackr records). */
const sdk = new Packr();
/** A plain msgpack encoder (objects as maps), as another client could send. */
const plain = new Packr({ useRecords: false });

/** The generic path's verdict on the payload bytes: msgpack decoded, then `parseClientMessage`. */
function generic(bytes: Uint8Array): ReturnType<typeof parseClientMessage> | 'undecodable' {
  let payload: unknown;
  try {
    payload = unpack(bytes);
  } catch {
    return 'undecodable';
  }
  return parseClientMessage('inputs', payload);
}

/** A prefix (the frame's protocol byte and type) so the decoder reads from an offset. */
const PREFIX = Uint8Array.of(0x0d, 0xa6, 0x69, 0x6e, 0x70, 0x75, 0x74, 0x73);
const framed = (payload: Uint8Array) => {
  const out = new Uint8Array(PREFIX.length + payload.length);
  out.set(PREFIX);
  out.set(payload, PREFIX.length);
  return out;
};

/** The wire decoder may only accept what the generic path accepts, as the same message. */
function expectAgreement(bytes: Uint8Array, mustAccept: boolean): void {
  const wire = decodeInputsWire(framed(bytes), PREFIX.length);
  const verdict = generic(bytes);
  if (wire !== null) expect(verdict).toEqual({ ok: true, message: wire });
  if (mustAccept) {
    expect(wire).not.toBeNull();
    expect(verdict).toMatchObject({ ok: true });
  }
}

const run = fc.tuple(
  fc.integer({ min: 1, max: MAX_BATCH_FRAMES }),
  fc.integer({ min: 0, max: 255 }),
);
const validPayload = fc.record({
  from: fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 2 ** 31 - 1 })),
  runs: fc.array(run, { minLength: 1, maxLength: MAX_BATCH_RUNS }),
});

describe('decodeInputsWire', () => {
  it('reads the SDK record form and plain maps, keys in either order, as the generic path does', () => {
    fc.assert(
      fc.property(validPayload, fc.boolean(), (p, runsFirst) => {
        const payload = runsFirst ? { runs: p.runs, from: p.from } : p;
        for (const packer of [sdk, plain]) expectAgreement(packer.pack(payload), true);
      }),
      { numRuns: 500 },
    );
  });

  it('reads the integer widths msgpack uses at the limits', () => {
    for (const from of [0, 127, 128, 255, 256, 65535, 65536, 2 ** 31 - 1])
      for (const [count, buttons] of [
        [1, 0],
        [127, 127],
        [128, 128],
        [MAX_BATCH_FRAMES, 255],
      ] as const)
        for (const packer of [sdk, plain])
          expectAgreement(packer.pack({ from, runs: [[count, buttons]] }), true);
    // 16 runs and more: msgpack's array16.
    expectAgreement(sdk.pack({ from: 9, runs: Array.from({ length: 16 }, () => [2, 1]) }), true);
    expectAgreement(
      sdk.pack({ from: 9, runs: Array.from({ length: MAX_BATCH_RUNS }, () => [2, 1]) }),
      true,
    );
  });

  it.each(inputsEdgeCases)('never accepts more than the generic path: %s', (_name, payload) => {
    for (const packer of [sdk, plain]) {
      let bytes: Uint8Array;
      try {
        bytes = packer.pack(payload);
      } catch {
        return; // not encodable as msgpack (a bigint): no client can send it
      }
      expectAgreement(bytes, false);
      // The limits are the decoder's own: each of these is refused or left to the generic path.
      const verdict = generic(bytes);
      if (verdict === 'undecodable' || !verdict.ok)
        expect(decodeInputsWire(framed(bytes), PREFIX.length)).toBeNull();
    }
  });

  it('leaves a frame number written as a float64 to the generic path (which accepts 2.0)', () => {
    // {"from": 2.0, "runs": [[1, 0]]} with `from` as msgpack float 64.
    const bytes = Uint8Array.of(
      0x82,
      0xa4,
      0x66,
      0x72,
      0x6f,
      0x6d,
      0xcb,
      0x40,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0xa4,
      0x72,
      0x75,
      0x6e,
      0x73,
      0x91,
      0x92,
      0x01,
      0x00,
    );
    expect(generic(bytes)).toEqual({
      ok: true,
      message: { type: 'inputs', from: 2, runs: [[1, 0]] },
    });
    expect(decodeInputsWire(framed(bytes), PREFIX.length)).toBeNull();
  });

  it('refuses truncated, extended and corrupted bytes or leaves them to the generic path', () => {
    fc.assert(
      fc.property(
        validPayload,
        fc.boolean(),
        fc.nat(),
        fc.integer({ min: 0, max: 255 }),
        fc.constantFrom('flip', 'truncate', 'append'),
        (p, useSdk, where, byte, how) => {
          const bytes = (useSdk ? sdk : plain).pack(p);
          const i = where % bytes.length;
          const bad =
            how === 'truncate'
              ? bytes.subarray(0, i)
              : how === 'append'
                ? Uint8Array.from([...bytes, byte])
                : Uint8Array.from(bytes, (b, j) => (j === i ? byte : b));
          expectAgreement(bad, false);
          if (how !== 'flip') expect(decodeInputsWire(framed(bad), PREFIX.length)).toBeNull();
        },
      ),
      { numRuns: 3000 },
    );
  });
});
