import { ErrorCode, ServerError, type Client, type Room } from '@colyseus/core';
import { CLOSE_CODE, SEAT_IN_USE_MESSAGE } from '@tengen/protocol';

/**
 * Refuses `client.reconnect(token)` while the token's seat still has a live connection. Colyseus
 * would otherwise close that connection and hand the seat to whoever presented the token; a
 * reloading page retries until the server has seen its old socket close (then the seat is held
 * by `allowReconnection` and the token is accepted).
 */
export function refuseLiveToken(clients: Iterable<Client>, token: string): void {
  for (const c of clients)
    if (c.reconnectionToken === token)
      throw new ServerError(ErrorCode.MATCHMAKE_EXPIRED, SEAT_IN_USE_MESSAGE);
}

/**
 * Closes a room on purpose (a private room's host closed it or left): no one may join any more, the
 * messages already sent are delivered, then every client is disconnected as a consented leave and
 * the room is disposed (pending reconnections are refused).
 */
export function closeRoom(room: Room): void {
  void room.lock().catch(() => undefined);
  setImmediate(() => {
    try {
      void Promise.resolve(room.disconnect(CLOSE_CODE.left)).catch(() => undefined);
    } catch {
      // Already disposing.
    }
  });
}
