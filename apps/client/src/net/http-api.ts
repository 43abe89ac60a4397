import { parseReplay, type Replay } from '@tengen/engine';
import {
  parseGameStats,
  SCOREBOARD_SCREEN_LINES,
  type BoardPeriod,
  type GameInfoResponse,
  type GameMode,
  type NameClaimResponse,
  type NameCodeResponse,
  type PlayerResponse,
  type ScoreLine,
  type StartFilter,
} from '@tengen/protocol';
import { parseNameClaim, parseNameCode, parsePlayer, postJson } from './player-api.ts';

/** A scoreboard mode. */
export type ScoreMode = GameMode;

/** One scoreboard line (the protocol's `ScoreLine`). */
export type ScoreRow = ScoreLine;

/** Thrown for HTTP failures with a message a player can read. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  constructor(message: string, status: number) {
    super(message);
    this.status = status;
  }
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Validates one scoreboard row from untrusted JSON (null when unusable). */
export function parseScoreRow(raw: unknown, index: number): ScoreRow | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const o = raw as Record<string, unknown>;
  const name = str(o['name']);
  const score = num(o['score']);
  const replayId = str(o['replayId']) ?? str(o['id']);
  if (name === null || score === null || replayId === null) return null;
  return {
    rank: num(o['rank']) ?? index + 1,
    name,
    mode: o['mode'] === 'duo' ? 'duo' : 'solo',
    score,
    lines: num(o['lines']) ?? 0,
    level: num(o['level']) ?? 0,
    startLevel: num(o['startLevel']) ?? 0,
    replayId,
    at: str(o['at']) ?? '',
  };
}

/** Reads a scoreboard response (`ScoresResponse`: rows under `scores`; a bare array or `entries` also work). */
export function parseScores(json: unknown): ScoreRow[] {
  const o = json as Record<string, unknown> | null;
  const list = Array.isArray(json)
    ? json
    : Array.isArray(o?.['scores'])
      ? o['scores']
      : Array.isArray(o?.['entries'])
        ? o['entries']
        : null;
  if (list === null) throw new ApiError('The scoreboard answer was not understood.', 200);
  return list.map(parseScoreRow).filter((r): r is ScoreRow => r !== null);
}

const count = (v: unknown): number | null =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null;

/** Validates `GET /api/games/:id` from untrusted JSON (null when unusable). */
export function parseGameInfo(json: unknown): GameInfoResponse | null {
  if (typeof json !== 'object' || json === null) return null;
  const o = json as Record<string, unknown>;
  const [id, name, at, mode] = [str(o['id']), str(o['name']), str(o['at']), o['mode']];
  const n = ['score', 'lines', 'level', 'startLevel', 'frames', 'engineVersion'].map((k) =>
    count(o[k]),
  );
  if (id === null || name === null || name === '' || at === null || Number.isNaN(Date.parse(at)))
    return null;
  if ((mode !== 'solo' && mode !== 'duo') || n.some((v) => v === null)) return null;
  const [score, lines, level, startLevel, frames, engineVersion] = n as number[];
  return {
    id,
    mode,
    name,
    score: score!,
    lines: lines!,
    level: level!,
    startLevel: startLevel!,
    frames: frames!,
    engineVersion: engineVersion!,
    at,
    stats: parseGameStats(o['stats']),
  };
}

/** Reads a replay response: the replay itself, or an object holding it under `replay`. */
export function parseReplayResponse(json: unknown): Replay {
  const o = json as Record<string, unknown> | null;
  const inner =
    o !== null && typeof o === 'object' && !('version' in o) && 'replay' in o ? o['replay'] : json;
  return parseReplay(typeof inner === 'string' ? (JSON.parse(inner) as unknown) : inner);
}

async function getJson(fetchFn: typeof fetch, url: string, what: string): Promise<unknown> {
  let res: Response;
  try {
    res = await fetchFn(url, { headers: { accept: 'application/json' } });
  } catch {
    throw new ApiError(
      `Cannot reach the server to load ${what}. Check your connection and try again.`,
      0,
    );
  }
  if (res.status === 404)
    throw new ApiError(`${what[0]!.toUpperCase()}${what.slice(1)} was not found.`, 404);
  if (!res.ok)
    throw new ApiError(`The server could not load ${what} (HTTP ${res.status}).`, res.status);
  return res.json();
}

/** The HTTP API: scoreboards and replays (same origin in production, proxied in dev). */
export class HttpApi {
  readonly #base: string;
  readonly #fetch: typeof fetch;

  constructor(base: string, fetchFn: typeof fetch = globalThis.fetch.bind(globalThis)) {
    this.#base = base.replace(/\/$/, '');
    this.#fetch = fetchFn;
  }

  /** Best score per name for a mode, highest first; only games of `period` and `start` count. */
  async scores(
    mode: ScoreMode,
    limit = SCOREBOARD_SCREEN_LINES,
    filter: { period: BoardPeriod; start: StartFilter } = { period: 'all', start: 'all' },
  ): Promise<ScoreRow[]> {
    const q = new URLSearchParams({
      mode,
      period: filter.period,
      start: String(filter.start),
      limit: String(limit),
    });
    return parseScores(
      await getJson(this.#fetch, `${this.#base}/api/scores?${q}`, 'the scoreboard'),
    );
  }

  /** A player's page: best per mode and start level, and recent games (empty when unknown). */
  async player(name: string): Promise<PlayerResponse> {
    return parsePlayer(
      await getJson(
        this.#fetch,
        `${this.#base}/api/players/${encodeURIComponent(name)}`,
        'the player page',
      ),
    );
  }

  /** A one-time code that moves `name` (held by this browser's `key`) to another device. */
  async nameCode(name: string, key: string): Promise<NameCodeResponse> {
    return parseNameCode(
      await postJson(this.#fetch, `${this.#base}/api/names/code`, { name, key }),
    );
  }

  /** Moves `name` here with a code from the device that holds it. */
  async claimName(name: string, code: string, key?: string): Promise<NameClaimResponse> {
    const body = key === undefined ? { name, code } : { name, code, key };
    return parseNameClaim(await postJson(this.#fetch, `${this.#base}/api/names/claim`, body));
  }

  /** A stored game's replay. */
  async replay(id: string): Promise<Replay> {
    return parseReplayResponse(
      await getJson(
        this.#fetch,
        `${this.#base}/api/replays/${encodeURIComponent(id)}`,
        'the replay',
      ),
    );
  }

  /** A stored game's facts for its replay page (player, result, date). */
  async gameInfo(id: string): Promise<GameInfoResponse> {
    const json = await getJson(
      this.#fetch,
      `${this.#base}/api/games/${encodeURIComponent(id)}`,
      'the game',
    );
    const info = parseGameInfo(json);
    if (info === null) throw new ApiError('The stored game was not understood.', 200);
    return info;
  }
}
