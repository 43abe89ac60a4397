import { Protocol } from '@colyseus/core';
import { encode } from '@colyseus/schema';
import { parseClientMessage } from '@tengen/protocol/schemas';
import { pack } from 'msgpackr';
import { describe, expect, it } from 'vitest';
import { decodeClientFrame, decodeDataFrame } from './frame-filter.ts';

/** A ROOM_DATA frame as the SDK builds it. */
function dataFrame(type: string, payload?: unknown): Uint8Array {
  const bytes: number[] = [Protocol.ROOM_DATA];
  encode.string(bytes as unknown as Buffer, type, { offset: 1 });
  const head = Uint8Array.from(bytes);
  if (payload === undefined) return head;
  const body = pack(payload);
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
}

describe('decodeClientFrame', () => {
  it('decodes what the SDK sends', () => {
    expect(decodeClientFrame(dataFrame('selectLevel', { level: 9 }))).toEqual({
      kind: 'data',
      type: 'selectLevel',
      payload: { level: 9 },
    });
    expect(decodeClientFrame(dataFrame('ready'))).toEqual({
      kind: 'data',
      type: 'ready',
      payload: undefined,
    });
    expect(decodeClientFrame(Uint8Array.of(Protocol.PING))).toEqual({ kind: 'control' });
    expect(decodeClientFrame(Uint8Array.of(Protocol.JOIN_ROOM))).toEqual({ kind: 'control' });
  });

  it('calls everything else malformed, without throwing', () => {
    const good = dataFrame('inputs', { from: 0, runs: [[3, 1]] });
    const cases = [
      new Uint8Array(0),
      Uint8Array.of(0xff, 1, 2),
      Uint8Array.of(Protocol.ROOM_REQUEST, 1, 2),
      Uint8Array.of(Protocol.PING, 1),
      Uint8Array.of(Protocol.ROOM_DATA),
      Uint8Array.of(Protocol.ROOM_DATA, 0xd9, 200, 65),
      Uint8Array.of(...good, 0xc1),
      good.subarray(0, good.length - 2),
    ];
    for (const frame of cases) expect(decodeClientFrame(frame).kind).toBe('malformed');
    for (let seed = 1; seed < 2_000; seed++) {
      const b = new Uint8Array(17);
      let x = seed;
      for (let i = 0; i < b.length; i++) b[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
      b[0] = Protocol.ROOM_DATA;
      expect(() => decodeClientFrame(b)).not.toThrow();
    }
  });

  it('decodes the fast way exactly as the general decoder does (SDK frames, mangled ones, junk)', () => {
    let x = 7;
    const rnd = () => (x = (x * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const payloads = [undefined, { level: 9 }, { from: 3, runs: [[6, 1]] }, [1, 2], 'x', 7, null];
    const types = ['inputs', 'ready', 'a'.repeat(31), 'b'.repeat(32), 'é', ''];
    let data = 0;
    let inputs = 0;
    for (let i = 0; i < 20_000; i++) {
      const frame = dataFrame(
        types[Math.floor(rnd() * types.length)]!,
        payloads[Math.floor(rnd() * payloads.length)],
      );
      const mangled = Uint8Array.from(frame);
      const how = rnd();
      if (how < 0.3)
        mangled[1 + Math.floor(rnd() * (mangled.length - 1))] = Math.floor(rnd() * 256);
      const bytes =
        how < 0.3
          ? mangled
          : how < 0.4
            ? Uint8Array.of(...frame, Math.floor(rnd() * 256))
            : how < 0.5
              ? frame.subarray(0, Math.max(1, frame.length - 1))
              : frame;
      const fast = decodeClientFrame(bytes);
      const general = decodeDataFrame(bytes);
      if (fast.kind === 'inputs') {
        // Read from the bytes: exactly the message the general decoder and the schema make of it.
        inputs++;
        expect(
          general.kind === 'data' && parseClientMessage(general.type, general.payload),
        ).toEqual({
          ok: true,
          message: fast.message,
        });
      } else expect(fast).toEqual(general);
      if (fast.kind !== 'malformed') data++;
    }
    // Every verdict is reached, or the comparison proves nothing.
    expect(data).toBeGreaterThan(5_000);
    expect(data).toBeLessThan(19_000);
    expect(inputs).toBeGreaterThan(200);
  });
});
