import { ClientState, Protocol, type Client, type Room } from '@colyseus/core';
import type { ClientMessage } from '@tengen/protocol';
import { decodeInputsWire } from '@tengen/protocol/schemas';
import { unpack, unpackMultiple } from 'msgpackr';

/** One WebSocket frame from a client, decoded the way Colyseus's SDK encodes it. */
export type ClientFrame =
  | { kind: 'data'; type: string | number; payload: unknown }
  /** An `inputs` message read and checked straight from its bytes (`decodeInputsWire`). */
  | { kind: 'inputs'; message: Extract<ClientMessage, { type: 'inputs' }> }
  /** Join confirmation, ping or leave: Colyseus handles these itself. */
  | { kind: 'control' }
  | { kind: 'malformed'; reason: string };

const CONTROL: ReadonlySet<number> = new Set([
  Protocol.JOIN_ROOM,
  Protocol.PING,
  Protocol.LEAVE_ROOM,
]);

/**
 * Decodes a client frame without throwing and without logging: `ROOM_DATA` (type, then an
 * optional msgpack payload, nothing after) or one of the control codes. Everything else (empty frames, unknown
 * codes, protocol features this game does not use, truncated or trailing bytes) is malformed.
 */
export function decodeClientFrame(buffer: Uint8Array): ClientFrame {
  const code = buffer[0];
  if (code === undefined) return { kind: 'malformed', reason: 'empty frame' };
  if (CONTROL.has(code)) {
    return buffer.length === 1
      ? { kind: 'control' }
      : { kind: 'malformed', reason: 'control frame with a body' };
  }
  if (code !== Protocol.ROOM_DATA) return { kind: 'malformed', reason: `unknown frame ${code}` };
  if (startsWith(buffer, INPUTS_TYPE)) {
    const message = decodeInputsWire(buffer, INPUTS_TYPE.length);
    if (message) return { kind: 'inputs', message };
  }
  return decodeAsciiTyped(buffer) ?? decodeDataFrame(buffer);
}

/** `ROOM_DATA` and the type "inputs" as a msgpack fixstr: the frame every player sends most. */
const INPUTS_TYPE = Uint8Array.of(Protocol.ROOM_DATA, 0xa6, ...new TextEncoder().encode('inputs'));

function startsWith(buffer: Uint8Array, prefix: Uint8Array): boolean {
  if (buffer.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (buffer[i] !== prefix[i]) return false;
  return true;
}

/**
 * The frame every player sends several times a second, decoded fast: a short ASCII type (msgpack
 * fixstr or str8) and then at most one msgpack value, read in place (`unpackMultiple` over a copy
 * took about 10 us a frame, `unpack` from an offset about 3). Anything it does not handle, or that
 * fails to decode, returns null for `decodeDataFrame`, which classifies it as before.
 */
function decodeAsciiTyped(buffer: Uint8Array): ClientFrame | null {
  const tag = buffer[1];
  if (tag === undefined) return null;
  const [length, start] =
    (tag & 0xe0) === 0xa0 ? [tag & 0x1f, 2] : tag === 0xd9 ? [buffer[2] ?? Infinity, 3] : [0, -1];
  const end = start + length;
  if (start < 0 || end > buffer.length) return null;
  let type = '';
  for (let i = start; i < end; i++) {
    const c = buffer[i]!;
    if (c >= 0x80) return null;
    type += String.fromCharCode(c);
  }
  if (end === buffer.length) return { kind: 'data', type, payload: undefined };
  try {
    // Throws on trailing bytes, so exactly one value follows the type, as `decodeDataFrame` demands.
    return { kind: 'data', type, payload: unpack(buffer, { start: end }) };
  } catch {
    return null;
  }
}

/** Any `ROOM_DATA` frame: the type (a msgpack string or integer), then an optional payload. */
export function decodeDataFrame(buffer: Uint8Array): ClientFrame {
  try {
    // The SDK writes the type (a msgpack string or number) and then, optionally, the msgpack payload.
    const values = unpackMultiple(buffer.subarray(1)) as unknown[];
    const [type, payload] = values;
    if (values.length > 2 || !(typeof type === 'string' || Number.isInteger(type)))
      return { kind: 'malformed', reason: 'bad message type' };
    return { kind: 'data', type: type as string | number, payload };
  } catch {
    return { kind: 'malformed', reason: 'undecodable payload' };
  }
}

const notControl = (): void => {
  throw new Error('only a control frame is passed to Colyseus');
};

/** The room's private frame entry point (`Room#_onMessage`, bound to each client at join). */
interface FrameEntry {
  _onMessage(client: Client, buffer: Uint8Array): void;
}

/**
 * Puts `onFrame` in front of every frame the room receives. Colyseus decodes frames itself, logs
 * a stack trace for each undecodable one and never tells the room; here the room sees each frame
 * decoded (or malformed) first, and `pass()` hands a control frame to Colyseus. Must be called
 * before any client joins (in `onCreate`): the entry point is bound when a client joins.
 */
export function interceptFrames(
  room: Room,
  onFrame: (client: Client, frame: ClientFrame, pass: () => void) => void,
): void {
  const entry = room as unknown as FrameEntry;
  const original = entry._onMessage;
  entry._onMessage = (client, buffer) => {
    if (client.state === ClientState.LEAVING) return;
    const frame = decodeClientFrame(buffer);
    // A closure only for the frames Colyseus may get: not one per input batch.
    onFrame(
      client,
      frame,
      frame.kind === 'control' ? () => original.call(room, client, buffer) : notControl,
    );
  };
}
