import { Protocol } from '@colyseus/core';
import { encode } from '@colyseus/schema';
import { pack } from 'msgpackr';
import { describe, expect, it } from 'vitest';
import { decodeClientFrame } from './frame-filter.ts';

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
});
