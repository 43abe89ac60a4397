/**
 * WebSocket close codes the server uses (4000-4999 is the application range; 4000-4010 belong
 * to Colyseus: 4000 consented leave, 4001 server shutdown, 4002 error, 4010 may reconnect).
 * The close reason string carries a human-readable explanation.
 */
export const CLOSE_CODE = {
  /** The player left on purpose (Colyseus `CONSENTED`). */
  left: 4000,
  /** The server finished draining and is going away; rejoin to get a new room (Colyseus `SERVER_SHUTDOWN`). */
  serverShutdown: 4001,
  /** Spectators only: every player has left the room, so there is nothing left to watch. */
  gameEnded: 4100,
  /** Spectators of a watch relay only: the relay lost its connection to the game. */
  gameUnreachable: 4101,
  /** More than `MAX_MESSAGES_PER_SECOND` messages per second, sustained. */
  flooding: 4429,
  /** More than `MAX_REJECTS_PER_SECOND` malformed or refused messages per second. */
  tooManyErrors: 4400,
} as const;

/** One of `CLOSE_CODE`. */
export type CloseCode = (typeof CLOSE_CODE)[keyof typeof CLOSE_CODE];
