import type { RoomName } from './constants.ts';
import type { PlayerPhase } from './state.ts';

/** One player of a live game as `GET /api/live` lists it (taken from the room's last summary). */
export interface LivePlayer {
  phase: PlayerPhase;
  level: number;
  score: number;
  lines: number;
}

/** One game in progress: watch it with `POST /api/watch/:roomId`, or open `/watch/:roomId`. */
export interface LiveGame {
  roomId: string;
  mode: RoomName;
  /** Players in seat order. */
  players: LivePlayer[];
  /** Clients watching the room right now. */
  spectators: number;
}

/** Body of `GET /api/live?mode=solo|duo&offset=0..&limit=1..LIVE_PAGE_MAX`: newest games first. */
export interface LiveResponse {
  games: LiveGame[];
  /** Games matching the query across every page. */
  total: number;
  offset: number;
  limit: number;
}

/**
 * Body of `POST /api/watch/:roomId`: a Colyseus seat reservation for a spectator, consumed with
 * `client.consumeSeatReservation(reservation)` (it names the process that hosts the room).
 */
export interface WatchResponse {
  reservation: {
    name: string;
    roomId: string;
    sessionId: string;
    processId?: string;
    publicAddress?: string;
    devMode?: boolean;
  };
}
