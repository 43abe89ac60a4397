import type { Socket } from 'node:net';
import { FIN_BINARY, OPEN } from './direct-frames.ts';

/** The parts of `ws`'s (8.x) Receiver a direct read checks: it must be between frames, idle. */
interface ReceiverInternals {
  /** GET_INFO (0): waiting for the first byte of a frame. */
  _state?: number;
  _bufferedBytes?: number;
  /** The opcode of a fragmented message in progress (0: none). */
  _fragmented?: number;
  /** 8 once a close frame arrived: everything after it is ignored. */
  _opcode?: number;
  _errored?: boolean;
  _binaryType?: string;
  _allowSynchronousEvents?: boolean;
  /** 0: no limit. */
  _maxPayload?: number;
  /** The Receiver is a Writable: chunks waiting in it must be read before a new one. */
  _writableState?: { length: number };
}

/** The parts of a server-side `ws` WebSocket a direct read uses. */
interface WsInternals {
  readyState: number;
  _isServer?: boolean;
  _socket?: Socket | null;
  _receiver?: ReceiverInternals | null;
  emit(event: 'message', data: Buffer, isBinary: boolean): boolean;
}

const GET_INFO = 0;
const CLOSE_OPCODE = 8;
const MASKED = 0x80;

/** What `readFramesDirectly` did, over every socket it was given. */
export interface DirectReads {
  /** Messages read here (every other chunk went to `ws`'s receiver). */
  direct: number;
  /** Socket reads handed over without the socket's Readable stream (see `readFramesDirectly`). */
  unstreamed: number;
}

/**
 * Where the frame starting at `at` in `chunk` ends, when it is a whole masked binary frame that
 * `ws` would deliver as it is (FIN set, RSV bits clear, masked, 1..65535 bytes within
 * `maxPayload`) and lies wholly in `chunk`; otherwise -1.
 */
function frameEnd(chunk: Buffer, at: number, maxPayload: number): number {
  if (chunk.length - at < 7 || chunk[at] !== FIN_BINARY) return -1;
  const second = chunk[at + 1]!;
  if ((second & MASKED) === 0) return -1;
  let length = second & 0x7f;
  let maskAt = at + 2;
  if (length === 126) {
    if (chunk.length - at < 8) return -1;
    length = chunk.readUInt16BE(at + 2);
    maskAt = at + 4;
  } else if (length === 127) return -1;
  const end = maskAt + 4 + length;
  if (length === 0 || end > chunk.length || (maxPayload > 0 && length > maxPayload)) return -1;
  return end;
}

/** Unmasks the frame at `at` (checked by `frameEnd`, ending at `end`) in place; its payload. */
function unmaskFrame(chunk: Buffer, at: number, end: number): Buffer {
  const maskAt = chunk[at + 1] === (MASKED | 126) ? at + 4 : at + 2;
  const m0 = chunk[maskAt]!;
  const m1 = chunk[maskAt + 1]!;
  const m2 = chunk[maskAt + 2]!;
  const m3 = chunk[maskAt + 3]!;
  const start = maskAt + 4;
  let i = start;
  for (; i + 3 < end; i += 4) {
    chunk[i] = chunk[i]! ^ m0;
    chunk[i + 1] = chunk[i + 1]! ^ m1;
    chunk[i + 2] = chunk[i + 2]! ^ m2;
    chunk[i + 3] = chunk[i + 3]! ^ m3;
  }
  // At most three bytes left, at mask offsets 0, 1, 2.
  if (i < end) chunk[i] = chunk[i++]! ^ m0;
  if (i < end) chunk[i] = chunk[i++]! ^ m1;
  if (i < end) chunk[i] = chunk[i]! ^ m2;
  return chunk.subarray(start, end);
}

/**
 * The payload of `chunk` when it is exactly one whole masked binary frame that `ws` would deliver
 * as it is (see `frameEnd`), unmasked in place; otherwise null, having touched nothing.
 */
export function wholeBinaryFrame(chunk: Buffer, maxPayload: number): Buffer | null {
  return frameEnd(chunk, 0, maxPayload) === chunk.length
    ? unmaskFrame(chunk, 0, chunk.length)
    : null;
}

/**
 * How many frames `chunk` holds when it is nothing but whole masked binary frames that `ws` would
 * deliver as they are (see `frameEnd`), as a read holds when several batches queued up on a busy
 * server; 0 when anything else is in it (a part of a frame, a control frame, ...).
 */
export function wholeBinaryFrames(chunk: Buffer, maxPayload: number): number {
  let frames = 0;
  for (let at = 0; at < chunk.length; frames++) {
    at = frameEnd(chunk, at, maxPayload);
    if (at < 0) return 0;
  }
  return frames;
}

/** True when `ws`'s receiver holds nothing and would read the next chunk as a new frame at once. */
function receiverIdle(r: ReceiverInternals): boolean {
  return (
    r._state === GET_INFO &&
    r._bufferedBytes === 0 &&
    r._fragmented === 0 &&
    r._opcode !== CLOSE_OPCODE &&
    r._errored === false &&
    r._writableState?.length === 0
  );
}

/**
 * Reads a client's common frames (whole binary messages arriving as one TCP read, as every input
 * batch does, one or, on a busy server, several queued up) straight off the socket and hands them to the WebSocket's `message` listeners, as
 * `ws` would, but without its Receiver: a Writable stream with a parsing loop, several buffer views
 * and two events per message, about a tenth of the server's busy time (issue 11's profile);
 * nor, while the socket simply flows, through the socket's own Readable stream.
 * Anything else (a read with a ping, a close, a text frame, a fragment or a frame split across
 * reads in it, a socket not open, a receiver with anything pending) goes to `ws` exactly as before, so
 * its checks and errors stay the only ones. Returns false, changing nothing, when the socket is not
 * laid out as `ws` 8 lays it out. Counts what it reads in `reads`. Tested against `ws` itself in
 * `direct-reads.spec.ts`.
 */
export function readFramesDirectly(
  ws: unknown,
  reads: DirectReads = { direct: 0, unstreamed: 0 },
): boolean {
  if (typeof ws !== 'object' || ws === null) return false;
  const w = ws as WsInternals;
  const socket = w._socket;
  const receiver = w._receiver;
  if (
    w._isServer !== true ||
    !socket ||
    !receiver ||
    receiver._binaryType !== 'nodebuffer' ||
    receiver._allowSynchronousEvents !== true ||
    typeof receiver._maxPayload !== 'number' ||
    !receiverIdle(receiver)
  )
    return false;
  const listeners = socket.rawListeners('data');
  const original = listeners[0] as ((this: Socket, chunk: Buffer) => void) | undefined;
  if (listeners.length !== 1 || original?.name !== 'socketOnData') return false;
  const maxPayload = receiver._maxPayload;
  const onData = function (this: Socket, chunk: Buffer) {
    if (
      w.readyState === OPEN &&
      receiverIdle(receiver) &&
      wholeBinaryFrames(chunk, maxPayload) > 0
    ) {
      // ws would emit them all in this order, whatever a listener does in between.
      for (let at = 0; at < chunk.length;) {
        const end = frameEnd(chunk, at, maxPayload);
        const payload = unmaskFrame(chunk, at, end);
        at = end;
        reads.direct++;
        w.emit('message', payload, true);
      }
      return;
    }
    original.call(this, chunk);
  };
  // ws stops reading by `socket.removeListener('data', socketOnData)` after a close frame or a
  // protocol error: EventEmitter also removes a listener whose `listener` is the one named (as it
  // does for `once` wrappers), so this one goes with it.
  Object.assign(onData, { listener: original });
  socket.removeListener('data', original);
  socket.on('data', onData);
  // Node hands each read to the socket's `push`. While the socket flows with nothing buffered and
  // `onData` is its only reader, the read goes straight to it: the Readable stream would only
  // emit it as 'data' and queue a nextTick to read more (the handle reads on anyway), per read.
  // Paused, or with a buffer, another reader, or reading stopped by ws, it takes the stream's way.
  let sole = true;
  socket.on('newListener', (event: string | symbol) => {
    if (event === 'data') sole = false;
  });
  socket.on('removeListener', (event: string | symbol, fn: unknown) => {
    if (event === 'data' && (fn === original || fn === onData)) sole = false;
  });
  const push = socket.push;
  socket.push = function (this: Socket, chunk: unknown, encoding?: BufferEncoding): boolean {
    if (
      sole &&
      this.readableFlowing === true &&
      this.readableLength === 0 &&
      Buffer.isBuffer(chunk)
    ) {
      reads.unstreamed++;
      onData.call(this, chunk);
      return true;
    }
    return push.call(this, chunk, encoding);
  };
  return true;
}
