import { Protocol, type Client } from '@colyseus/core';
import { writeFrame } from './direct-frames.ts';

const wrapped = new WeakSet<object>();

/**
 * Every frame to this client, cheaper:
 * - With per-client views, a state patch that only touches fields this client does not watch
 *   still reaches it as an empty frame (the patch header alone). Dropping those halves the frames
 *   a duo room sends per input batch: the sender's own client has nothing to learn from its own
 *   batch.
 * - The rest is written as one buffer (`writeFrame`) when ws allows it, else by ws.
 */
export function streamlineSends(client: Client): void {
  if (wrapped.has(client)) return;
  wrapped.add(client);
  const raw = client.raw.bind(client);
  client.raw = (data, options, cb) => {
    if (data.length === 1 && data[0] === Protocol.ROOM_STATE_PATCH) return cb?.();
    if (writeFrame((client as { ref?: unknown }).ref, data, cb)) return;
    return raw(data, options, cb);
  };
}
