import type { Client } from '@colyseus/core';

interface Corkable {
  cork(): void;
  uncork(): void;
}

/** The TCP socket under a `@colyseus/ws-transport` client, or null (another transport, or closed). */
function socketOf(client: Client): Corkable | null {
  const socket = (client as { ref?: { _socket?: Partial<Corkable> | null } }).ref?._socket;
  return typeof socket?.cork === 'function' && typeof socket.uncork === 'function'
    ? (socket as Corkable)
    : null;
}

/**
 * Holds a client's socket writes from the room's first message to it in this turn of the event
 * loop until the room's flush, so the message (a player's next pieces) and the state patch after
 * it leave in one write: each write is a system call and a TCP segment, the largest cost per input
 * batch (issue 11's profile).
 */
export class CorkedWrites {
  // An array, not a Set: a long-lived Set's clear() leaves old-generation garbage (lean-tables.ts),
  // and a room holds a few sockets a turn.
  readonly #held: Corkable[] = [];

  /** Holds `client`'s writes until `release` (once per client and turn). */
  hold(client: Client): void {
    const socket = socketOf(client);
    if (socket === null || this.#held.includes(socket)) return;
    socket.cork();
    this.#held.push(socket);
  }

  /** Writes everything held, one write per socket. */
  release(): void {
    for (const socket of this.#held) socket.uncork();
    this.#held.length = 0;
  }
}
