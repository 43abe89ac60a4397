import { describe, expect, it } from 'vitest';
import { binaryFrameHeader, framed } from './spectator-outbox.ts';

describe('WebSocket framing for spectators (RFC 6455, server to client: unmasked)', () => {
  it('uses the 7-bit, 16-bit and 64-bit length forms at their bounds', () => {
    expect([...binaryFrameHeader(0)]).toEqual([0x82, 0]);
    expect([...binaryFrameHeader(125)]).toEqual([0x82, 125]);
    expect([...binaryFrameHeader(126)]).toEqual([0x82, 126, 0, 126]);
    expect([...binaryFrameHeader(0xffff)]).toEqual([0x82, 126, 0xff, 0xff]);
    expect([...binaryFrameHeader(0x10000)]).toEqual([0x82, 127, 0, 0, 0, 0, 0, 1, 0, 0]);
  });

  it('lays frames out back to back, payloads unchanged', () => {
    const a = Uint8Array.of(1, 2, 3);
    const b = new Uint8Array(300).fill(7);
    const out = framed([a, b]);
    expect([...out.subarray(0, 5)]).toEqual([0x82, 3, 1, 2, 3]);
    expect([...out.subarray(5, 9)]).toEqual([0x82, 126, 1, 44]);
    expect(out.subarray(9).equals(Buffer.from(b))).toBe(true);
    expect(out.length).toBe(5 + 4 + 300);
  });
});
