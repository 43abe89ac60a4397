import type { ClientMessage } from './client-messages.ts';
import { MAX_BATCH_FRAMES, MAX_BATCH_RUNS } from './constants.ts';

type Inputs = Extract<ClientMessage, { type: 'inputs' }>;

const FROM = 0;
const RUNS = 1;
/** msgpack fixstr "from" and "runs": a one-byte length tag and four ASCII bytes. */
const KEYS: readonly (readonly [key: number, bytes: readonly number[]])[] = [
  [FROM, [0xa4, 0x66, 0x72, 0x6f, 0x6d]],
  [RUNS, [0xa4, 0x72, 0x75, 0x6e, 0x73]],
];

/** The read position in the buffer being decoded (the decoder is synchronous, never re-entered). */
let at = 0;

/** A msgpack unsigned integer of at most `max` at `at` (positive fixint, uint8/16/32), else -1. */
function uint(b: Uint8Array, max: number): number {
  const tag = b[at];
  let v: number;
  if (tag === undefined) return -1;
  if (tag < 0x80) {
    v = tag;
    at += 1;
  } else if (tag === 0xcc && at + 1 < b.length) {
    v = b[at + 1]!;
    at += 2;
  } else if (tag === 0xcd && at + 2 < b.length) {
    v = (b[at + 1]! << 8) | b[at + 2]!;
    at += 3;
  } else if (tag === 0xce && at + 4 < b.length) {
    v = b[at + 1]! * 2 ** 24 + ((b[at + 2]! << 16) | (b[at + 3]! << 8) | b[at + 4]!);
    at += 5;
  } else return -1;
  return v <= max ? v : -1;
}

/** The key at `at`: FROM, RUNS, or -1 for anything else. */
function key(b: Uint8Array): number {
  for (const [k, bytes] of KEYS) {
    let same = at + bytes.length <= b.length;
    for (let j = 0; same && j < bytes.length; j++) same = b[at + j] === bytes[j];
    if (same) {
      at += bytes.length;
      return k;
    }
  }
  return -1;
}

/** `runs` at `at`: 1..MAX_BATCH_RUNS pairs of [1..MAX_BATCH_FRAMES, 0..255], else null. */
function runs(b: Uint8Array): [number, number][] | null {
  const tag = b[at];
  let n: number;
  if (tag !== undefined && tag >= 0x90 && tag <= 0x9f) {
    n = tag & 0x0f;
    at += 1;
  } else if (tag === 0xdc && at + 2 < b.length) {
    n = (b[at + 1]! << 8) | b[at + 2]!;
    at += 3;
  } else return null;
  if (n < 1 || n > MAX_BATCH_RUNS) return null;
  const out: [number, number][] = [];
  for (let r = 0; r < n; r++) {
    if (b[at] !== 0x92) return null;
    at += 1;
    const count = uint(b, MAX_BATCH_FRAMES);
    if (count < 1) return null;
    const buttons = uint(b, 255);
    if (buttons < 0) return null;
    out.push([count, buttons]);
  }
  return out;
}

/**
 * An `inputs` payload read straight from its msgpack bytes (`b` from `start` to its end), for the
 * message every player sends several times a second: the generic decoder built a record structure
 * and an object per message (msgpackr's record extension, which the SDK's packer uses), a tenth of
 * the server's allocations under load. It reads the two forms a client sends, the SDK's record
 * (`d4 72 id`, the keys `from` and `runs`, then their values) and a plain two-key map, with
 * integers as msgpack writes them, and checks the payload as `parseClientMessage` does. Anything
 * else returns null, and the frame takes the generic path, which gives the same verdict on what
 * this accepts (`inputs-wire.spec.ts`) and the refusal for the rest.
 */
export function decodeInputsWire(b: Uint8Array, start: number): Inputs | null {
  at = start;
  const tag = b[at];
  let first: number;
  let second: number;
  if (tag === 0xd4) {
    // fixext 1, type 'r' (0x72): a record definition (its id 0x40-0x7f), its keys, then the values.
    const id = b[at + 1] === 0x72 ? b[at + 2] : undefined;
    if (id === undefined || id < 0x40 || id > 0x7f || b[at + 3] !== 0x92) return null;
    at += 4;
    first = key(b);
    second = key(b);
    if (first < 0 || second < 0 || first === second) return null;
    const a = field(b, first);
    return a === null ? null : finish(b, a, field(b, second));
  }
  // A map of two entries (fixmap, or map16 as msgpackr writes maps): key, value, key, value.
  if (tag === 0x82) at += 1;
  else if (tag === 0xde && b[at + 1] === 0 && b[at + 2] === 2) at += 3;
  else return null;
  first = key(b);
  if (first < 0) return null;
  const a = field(b, first);
  if (a === null) return null;
  second = key(b);
  if (second < 0 || second === first) return null;
  return finish(b, a, field(b, second));
}

/** The value of key `k` at `at`: a frame number (FROM) or the runs (RUNS); null when invalid. */
function field(b: Uint8Array, k: number): number | [number, number][] | null {
  if (k !== FROM) return runs(b);
  const from = uint(b, 2 ** 31 - 1);
  return from < 0 ? null : from;
}

/** The message from both fields, once nothing follows them. */
function finish(
  b: Uint8Array,
  a: number | [number, number][],
  c: number | [number, number][] | null,
): Inputs | null {
  if (c === null || at !== b.length) return null;
  const from = typeof a === 'number' ? a : c;
  const list = typeof a === 'number' ? c : a;
  if (typeof from !== 'number' || typeof list === 'number') return null;
  return { type: 'inputs', from, runs: list };
}
