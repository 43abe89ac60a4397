import { parseReplay } from './replay-parse.ts';
import { ReplayError, type Replay } from './replay-types.ts';
import { seedFromHex } from './seed.ts';

// Layout: 'T' 'R' version (the rules version) seedHi seedLo startLevel, then one LEB128 varint per run: count * 32 + buttons.
const MAGIC0 = 0x54;
const MAGIC1 = 0x52;
const HEADER = 6;

/** Compact binary form of a replay for the wire and the database (typically 2-3 bytes per run). */
export function encodeReplayBinary(replay: Replay): Uint8Array {
  const bytes: number[] = [MAGIC0, MAGIC1, replay.version];
  const seed = seedFromHex(replay.seed);
  bytes.push(seed >> 8, seed & 0xff, replay.startLevel);
  for (const [count, buttons] of replay.inputs) {
    let v = count * 32 + buttons;
    while (v >= 0x80) {
      bytes.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    bytes.push(v);
  }
  return Uint8Array.from(bytes);
}

/** Decodes `encodeReplayBinary` output, validating it like `parseReplay`; throws `ReplayError`. */
export function decodeReplayBinary(data: Uint8Array): Replay {
  if (data.length < HEADER || data[0] !== MAGIC0 || data[1] !== MAGIC1) {
    throw new ReplayError('binary replay: bad header (expected "TR" magic)');
  }
  const seed = ((data[3]! << 8) | data[4]!).toString(16).toUpperCase().padStart(4, '0');
  const inputs: [number, number][] = [];
  let i = HEADER;
  while (i < data.length) {
    let v = 0;
    let scale = 1;
    for (;;) {
      if (i >= data.length) throw new ReplayError(`binary replay: truncated run at byte ${i}`);
      const b = data[i++]!;
      v += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) break;
      scale *= 0x80;
      if (scale > 2 ** 35) throw new ReplayError(`binary replay: run too long at byte ${i}`);
    }
    inputs.push([Math.floor(v / 32), v % 32]);
  }
  return parseReplay({ version: data[2], seed, startLevel: data[5], inputs });
}
