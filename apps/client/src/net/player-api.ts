import {
  parseGameStats,
  type NameClaimResponse,
  type NameCodeResponse,
  type PlayerGameLine,
  type PlayerResponse,
} from '@tengen/protocol';
import { ApiError, parseScoreRow } from './http-api.ts';

/** One player-page game from untrusted JSON: a scoreboard row and its statistics (null if unusable). */
function parsePlayerGame(raw: unknown, index: number): PlayerGameLine | null {
  const row = parseScoreRow(raw, index);
  if (row === null) return null;
  return { ...row, stats: parseGameStats((raw as Record<string, unknown>)['stats']) };
}

/** Reads `GET /api/players/:name` from untrusted JSON. */
export function parsePlayer(json: unknown): PlayerResponse {
  const o = json as Record<string, unknown> | null;
  if (o === null || typeof o !== 'object' || typeof o['name'] !== 'string')
    throw new ApiError('The player page answer was not understood.', 200);
  const rows = (v: unknown): PlayerGameLine[] =>
    Array.isArray(v) ? v.map(parsePlayerGame).filter((r): r is PlayerGameLine => r !== null) : [];
  return {
    name: o['name'],
    held: o['held'] === true,
    best: rows(o['best']),
    recent: rows(o['recent']),
  };
}

/** Reads `POST /api/names/code`. */
export function parseNameCode(json: unknown): NameCodeResponse {
  const o = json as Record<string, unknown> | null;
  if (
    typeof o?.['code'] !== 'string' ||
    typeof o['expiresAt'] !== 'string' ||
    typeof o['name'] !== 'string'
  )
    throw new ApiError('The code answer was not understood.', 200);
  return { name: o['name'], code: o['code'], expiresAt: o['expiresAt'] };
}

/** Reads `POST /api/names/claim`. */
export function parseNameClaim(json: unknown): NameClaimResponse {
  const o = json as Record<string, unknown> | null;
  if (typeof o?.['key'] !== 'string' || typeof o['name'] !== 'string')
    throw new ApiError('The answer was not understood.', 200);
  return { name: o['name'], key: o['key'] };
}

/**
 * POSTs JSON and returns the parsed answer; a refusal throws the server's own words (they are
 * written for players), a failure to connect a sentence about the connection.
 */
export async function postJson(
  fetchFn: typeof fetch,
  url: string,
  body: unknown,
): Promise<unknown> {
  let res: Response;
  try {
    res = await fetchFn(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError('Cannot reach the server. Check your connection and try again.', 0);
  }
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const error = (json as { error?: unknown } | null)?.error;
    throw new ApiError(
      typeof error === 'string' ? error : `The server refused (HTTP ${res.status}).`,
      res.status,
    );
  }
  return json;
}
