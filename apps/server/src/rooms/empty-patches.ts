import { Protocol, type Client } from '@colyseus/core';

const wrapped = new WeakSet<object>();

/**
 * With per-client views, a state patch that only touches fields this client does not watch still
 * reaches it as an empty frame (the patch header alone). Dropping those halves the frames a duo
 * room sends per input batch: the sender's own client has nothing to learn from its own batch.
 */
export function dropEmptyPatches(client: Client): void {
  if (wrapped.has(client)) return;
  wrapped.add(client);
  const raw = client.raw.bind(client);
  client.raw = (data, options, cb) => {
    if (data.length === 1 && data[0] === Protocol.ROOM_STATE_PATCH) return cb?.();
    return raw(data, options, cb);
  };
}
