import {
  LIVE_PAGE_DEFAULT,
  type LiveGame,
  type LivePlayer,
  type LiveResponse,
  type WatchResponse,
} from '@tengen/protocol';
import { ApiError } from './http-api.ts';

const PHASES = new Set<LivePlayer['phase']>(['choosing', 'ready', 'playing', 'over']);
const count = (v: unknown): number | null =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null;

function parsePlayer(raw: unknown): LivePlayer | null {
  const o = raw as Record<string, unknown> | null;
  if (typeof o !== 'object' || o === null) return null;
  const phase = o['phase'] as LivePlayer['phase'];
  const [level, score, lines] = [count(o['level']), count(o['score']), count(o['lines'])];
  if (!PHASES.has(phase) || level === null || score === null || lines === null) return null;
  return { phase, level, score, lines };
}

/** Validates one listed game from untrusted JSON (null when unusable). */
export function parseLiveGame(raw: unknown): LiveGame | null {
  const o = raw as Record<string, unknown> | null;
  if (typeof o !== 'object' || o === null) return null;
  const roomId = o['roomId'];
  const mode = o['mode'];
  const spectators = count(o['spectators']);
  const players = Array.isArray(o['players']) ? o['players'].map(parsePlayer) : null;
  if (
    typeof roomId !== 'string' ||
    !/^[A-Za-z0-9_-]{1,32}$/.test(roomId) ||
    (mode !== 'solo' && mode !== 'duo') ||
    spectators === null ||
    players === null ||
    players.some((p) => p === null)
  )
    return null;
  return { roomId, mode, spectators, players: players as LivePlayer[] };
}

/** Reads a `GET /api/live` answer; unusable games are skipped. */
export function parseLive(json: unknown): LiveResponse {
  const o = json as Record<string, unknown> | null;
  if (typeof o !== 'object' || o === null || !Array.isArray(o['games']))
    throw new ApiError('The list of live games was not understood.', 200);
  const games = o['games'].map(parseLiveGame).filter((g): g is LiveGame => g !== null);
  return {
    games,
    total: count(o['total']) ?? games.length,
    offset: count(o['offset']) ?? 0,
    limit: count(o['limit']) ?? LIVE_PAGE_DEFAULT,
  };
}

/** One page of the games being played now, newest first. */
export async function fetchLive(
  base: string,
  offset: number,
  fetchFn: typeof fetch = globalThis.fetch.bind(globalThis),
): Promise<LiveResponse> {
  let res: Response;
  try {
    res = await fetchFn(`${base}/api/live?offset=${offset}&limit=${LIVE_PAGE_DEFAULT}`, {
      headers: { accept: 'application/json' },
    });
  } catch {
    throw new ApiError('Cannot reach the server. Check your connection and try again.', 0);
  }
  if (!res.ok)
    throw new ApiError(
      `The server could not list the live games (HTTP ${res.status}).`,
      res.status,
    );
  return parseLive(await res.json());
}

/**
 * Asks for a spectator's place in a room (`POST /api/watch/:roomId`). The refusals come back as
 * `ApiError`s a player can read: the game is over or unknown (404), or has too many spectators (409).
 */
export async function reserveWatch(
  base: string,
  roomId: string,
  fetchFn: typeof fetch = globalThis.fetch.bind(globalThis),
): Promise<WatchResponse['reservation']> {
  let res: Response;
  try {
    res = await fetchFn(`${base}/api/watch/${encodeURIComponent(roomId)}`, {
      method: 'POST',
      headers: { accept: 'application/json' },
    });
  } catch {
    throw new ApiError('Cannot reach the game server. Check your connection and try again.', 0);
  }
  if (res.status === 404)
    throw new ApiError(
      'This game is over, or the link is wrong: there is nothing to watch here.',
      404,
    );
  if (res.status === 409)
    throw new ApiError(
      'This game already has as many spectators as it can take. Try again in a moment.',
      409,
    );
  if (res.status === 429)
    throw new ApiError(
      'Too many games were opened from your network. Wait a minute, then try again.',
      429,
    );
  if (res.status === 503)
    throw new ApiError('The server is full right now. Try again in a moment.', 503);
  if (!res.ok)
    throw new ApiError(
      `The game could not be reached (HTTP ${res.status}). Try again.`,
      res.status,
    );
  const body = (await res.json()) as Partial<WatchResponse> | null;
  const r = body?.reservation;
  if (
    typeof r?.roomId !== 'string' ||
    typeof r.sessionId !== 'string' ||
    typeof r.name !== 'string'
  )
    throw new ApiError('The server answer was not understood.', 200);
  return r;
}
