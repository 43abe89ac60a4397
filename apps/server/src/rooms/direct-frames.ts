/** The parts of a `ws` (8.x) WebSocket a direct write must check: it writes what `ws` would. */
interface WsInternals {
  readyState: number;
  _isServer?: boolean;
  /** Negotiated extensions: ws knows one, permessage-deflate. */
  _extensions?: Record<string, unknown>;
  _socket?: { write(data: Uint8Array, cb?: (err?: Error | null) => void): boolean } | null;
  /** ws's Sender: DEFAULT (0) when no compression or blob read is pending, no queue, no fragment open. */
  _sender?: { _state?: number; _queue?: unknown[]; _firstFragment?: boolean } | null;
}

/** `WebSocket.OPEN`. */
export const OPEN = 1;
/** FIN, RSV bits clear, the binary opcode: a whole uncompressed binary message in one frame. */
export const FIN_BINARY = 0x82;

/**
 * Writes `data` as one unmasked binary WebSocket frame (RFC 6455 section 5.2), header and payload
 * in one buffer and one socket write, as `ws` itself would frame it but without its per-send
 * objects and its two-buffer write (a header buffer, the payload, `cork` and a `writev`): every
 * state patch and message to a player goes this way, several a second per player.
 * Returns false, having written nothing, whenever `ws` must send it instead: a socket that is not
 * open, a client-side socket (frames are masked), a compressed connection, or a send of its own in
 * progress (compressing, reading a blob, queued, or a fragmented message). Tested against `ws`'s
 * own receiver in `direct-frames.spec.ts`.
 */
export function writeFrame(ws: unknown, data: Uint8Array, cb?: (err?: Error) => void): boolean {
  if (typeof ws !== 'object' || ws === null) return false;
  const w = ws as WsInternals;
  const sender = w._sender;
  const socket = w._socket;
  if (
    w.readyState !== OPEN ||
    w._isServer !== true ||
    !socket ||
    !sender ||
    sender._state !== 0 ||
    sender._queue?.length !== 0 ||
    sender._firstFragment !== true ||
    w._extensions?.['permessage-deflate'] !== undefined
  )
    return false;
  const n = data.length;
  const head = n < 126 ? 2 : n < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(head + n);
  frame[0] = FIN_BINARY;
  if (head === 2) frame[1] = n;
  else if (head === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(n, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(n / 2 ** 32), 2);
    frame.writeUInt32BE(n >>> 0, 6);
  }
  frame.set(data, head);
  socket.write(frame, cb && ((err) => cb(err ?? undefined)));
  return true;
}
