import { matchMaker } from '@colyseus/core';
import {
  LIVE_PAGE_DEFAULT,
  LIVE_PAGE_MAX,
  ROOM,
  type LiveResponse,
  type WatchResponse,
} from '@tengen/protocol';
import { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import * as z from 'zod';
import type { MatchmakeLimits } from '../abuse/matchmake-limits.ts';
import { relayCaller } from '../relay/relay-protocol.ts';
import { requestSeat } from '../relay/seat-request.ts';
import { CLIENT_ADDRESS_HEADER } from './client-address.ts';
import { errorBody } from './scores-routes.ts';
import { LiveListing } from './live-listing.ts';

const liveQuery = z.strictObject({
  mode: z.enum([ROOM.solo, ROOM.duo]).optional(),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  limit: z.coerce.number().int().min(1).max(LIVE_PAGE_MAX).default(LIVE_PAGE_DEFAULT),
});

/** Colyseus room ids (9 characters) and private room codes (4). */
export const ROOM_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** The first zod issue as a sentence naming the query parameter. */
function queryError(error: z.ZodError): string {
  const issue = error.issues[0];
  const field = issue?.path.length
    ? issue.path.join('.')
    : String(issue?.code === 'unrecognized_keys' ? issue.keys.join(', ') : 'query');
  return `bad query parameter ${field}: ${issue?.message ?? 'invalid'}`;
}

/** Watching through a relay: where browsers' seats come from, and the secret relays present. */
export interface WatchRelayOptions {
  /** `WATCH_RELAY_URL`: when set, browsers are seated on this relay, not in the game room. */
  url: string | undefined;
  /** `WATCH_RELAY_SECRET`: a request bearing it is a relay asking for its one upstream seat. */
  secret: string | undefined;
}

/**
 * Spectating: `GET /api/live?mode=solo|duo&offset=0..&limit=1..50` lists the public games being
 * played on every process (the matchmaker's driver: Redis when scaled out), and
 * `POST /api/watch/:roomId` reserves a spectator's place in one (public, or private by its code).
 * A watch spends a join-by-code attempt of the client's address (private codes must not be
 * guessable through it) and is refused when this process is full. With a watch relay the browser
 * gets a seat on the relay (which joins the game room once, as a relay, with the shared secret).
 */
export function liveRouter(
  log: Logger,
  limits: MatchmakeLimits,
  relay: WatchRelayOptions = { url: undefined, secret: undefined },
): Router {
  const router = Router();
  const listing = new LiveListing(() => matchMaker.query({ private: false }));

  router.get('/live', async (req: Request, res: Response) => {
    const parsed = liveQuery.safeParse(req.query);
    if (!parsed.success) {
      res.status(400).json(errorBody(queryError(parsed.error)));
      return;
    }
    const { mode, offset, limit } = parsed.data;
    try {
      const games = await listing.games(mode);
      const body: LiveResponse = {
        games: games.slice(offset, offset + limit),
        total: games.length,
        offset,
        limit,
      };
      res.set('Cache-Control', 'no-store').json(body);
    } catch (err) {
      log.error({ err }, 'listing live games failed');
      res.status(503).json(errorBody('the list of live games is unavailable, try again'));
    }
  });

  router.post('/watch/:roomId', async (req: Request<{ roomId: string }>, res: Response) => {
    const roomId = req.params.roomId;
    const gone = () =>
      res.status(404).json(errorBody('This game is not running any more (or the link is wrong).'));
    const caller = relayCaller(req.header('authorization'), relay.secret);
    if (caller === 'refused') {
      res.status(401).json(errorBody('This request is not from a watch relay.'));
      return;
    }
    const address = req.header(CLIENT_ADDRESS_HEADER) ?? 'unknown';
    // A relay is trusted: its watchers were limited when they asked for their seats.
    const refused = caller === 'relay' ? null : limits.admit('joinById', address, Date.now());
    if (refused) {
      const status = refused.reason === 'serverFull' ? 503 : 429;
      res.status(status).json(errorBody(refused.message));
      return;
    }
    if (!ROOM_ID.test(roomId)) return gone();
    try {
      // By id (a Redis HMGET when scaled out), never a scan of every listed room.
      const room = (await matchMaker.findRoomsByIds([roomId])).get(roomId);
      if (!room || (room.name !== ROOM.solo && room.name !== ROOM.duo)) return gone();
      if (caller === 'browser' && relay.url !== undefined && relay.secret !== undefined) {
        const seat = await requestSeat(relay.url, `/relay/watch/${roomId}`, relay.secret);
        res.set('Cache-Control', 'no-store');
        if (seat.ok) res.json({ reservation: seat.reservation } satisfies WatchResponse);
        else res.status(seat.status).json(errorBody(seat.error));
        return;
      }
      const options = caller === 'relay' ? { spectate: true, relay: true } : { spectate: true };
      const reservation = await matchMaker.reserveSeatFor(room, options);
      const body: WatchResponse = { reservation };
      res.set('Cache-Control', 'no-store').json(body);
    } catch (err) {
      if (err instanceof Error && /already full/.test(err.message)) {
        res.status(409).json(errorBody('This game has as many spectators as it can take.'));
        return;
      }
      log.warn({ err, roomId }, 'reserving a spectator place failed');
      res.status(503).json(errorBody('The game could not be reached, try again.'));
    }
  });

  return router;
}
