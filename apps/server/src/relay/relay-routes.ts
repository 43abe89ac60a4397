import { ErrorCode, matchMaker, ServerError } from '@colyseus/core';
import type { WatchResponse } from '@tengen/protocol';
import { Router, type Request, type Response } from 'express';
import { ROOM_ID } from '../http/live-routes.ts';
import { errorBody } from '../http/scores-routes.ts';
import type { Lifecycle } from '../lifecycle.ts';
import { relayCaller } from './relay-protocol.ts';
import type { WatchDirectory } from './watch-directory.ts';

/** What the relay's HTTP side needs. */
export interface RelayRoutesDeps {
  directory: WatchDirectory;
  lifecycle: Lifecycle;
  secret: string;
  overfull(): boolean;
}

/**
 * `POST /relay/watch/:roomId`, for game servers only (the shared secret): a watcher's seat on this
 * relay for game room `roomId`. The game server has already limited the watcher's address and
 * found the room; refusals keep the game server's statuses (404 gone, 409 full, 503).
 */
export function relayRouter(deps: RelayRoutesDeps): Router {
  const router = Router();
  router.post('/relay/watch/:roomId', async (req: Request<{ roomId: string }>, res: Response) => {
    res.set('Cache-Control', 'no-store');
    if (relayCaller(req.header('authorization'), deps.secret) !== 'relay') {
      res.status(401).json(errorBody('This request is not from a game server.'));
      return;
    }
    const roomId = req.params.roomId;
    if (!ROOM_ID.test(roomId)) {
      res.status(404).json(errorBody('This game is not running any more (or the link is wrong).'));
      return;
    }
    if (deps.lifecycle.draining || deps.overfull()) {
      res.status(503).json(errorBody('The server is full right now, try again in a moment.'));
      return;
    }
    const seat = await deps.directory.seat(roomId);
    if (seat.ok) res.json({ reservation: seat.reservation } satisfies WatchResponse);
    else res.status(seat.status).json(errorBody(seat.error));
  });
  return router;
}

/**
 * A relay hands out seats only through `relayRouter`: Colyseus's public matchmaking routes
 * (`/matchmake/...`) would let anyone open a watch room for any code, past every limit.
 */
export function closePublicMatchmaking(): void {
  matchMaker.controller.invokeMethod = () =>
    Promise.reject(
      new ServerError(ErrorCode.MATCHMAKE_NO_HANDLER, 'watch links are opened by the game server'),
    );
}
