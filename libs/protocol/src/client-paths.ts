import { ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH } from './constants.ts';

/** Private room codes: `ROOM_CODE_LENGTH` symbols of `ROOM_CODE_ALPHABET`, any case (the server issues them). */
export const ROOM_CODE = new RegExp(`^[${ROOM_CODE_ALPHABET}]{${ROOM_CODE_LENGTH}}$`, 'i');

/** Server room ids (case-sensitive), as they appear in `/solo/ID`, `/duo/room/ID` and `/watch/ID`. */
export const ROOM_ID = /^[A-Za-z0-9_-]{4,32}$/;

/** Normalises a room code typed or pasted by a person, or returns null when it cannot be one. */
export function normaliseRoomCode(input: string): string | null {
  const trimmed = input.trim();
  // Accept a whole invite link too: take what follows /duo/.
  const fromLink = /\/duo\/([^/?#]+)/.exec(trimmed)?.[1] ?? trimmed;
  const code = fromLink.replace(/[\s-]/g, '');
  return ROOM_CODE.test(code) ? code.toUpperCase() : null;
}

function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Stored game ids as they appear in `/replay/ID` (and the scoreboard's old `?replay=ID`). */
export const REPLAY_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Longest name (decoded) a player page's address (`/player/NAME`) may carry. */
const PLAYER_PATH_NAME_MAX = 64;

/** The player name in a `/player/NAME` path segment (URL-encoded), or null when it cannot be one. */
export function playerFromPathSegment(segment: string): string | null {
  const name = decoded(segment);
  return name !== null && name.length > 0 && name.length <= PLAYER_PATH_NAME_MAX ? name : null;
}

/** Fixed pages of the client (paths without a trailing slash). */
const PAGES = new Set(['/', '/solo', '/duo', '/live', '/scoreboard', '/replay']);

/**
 * Whether a path is one of the client's pages, so the server answers it 200 with index.html and
 * anything else 404 (with the same index.html, which shows the game's own not-found page). The
 * client's router (`apps/client/src/app/router.ts`) parses the same shapes; its spec checks that
 * every route it builds passes here.
 */
export function isClientPath(pathname: string): boolean {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (PAGES.has(path)) return true;
  const room = /^\/(?:duo\/room|solo|watch)\/([^/]+)$/.exec(path);
  if (room) return ROOM_ID.test(decoded(room[1]!) ?? '');
  const player = /^\/player\/([^/]+)$/.exec(path);
  if (player) return playerFromPathSegment(player[1]!) !== null;
  const replay = /^\/replay\/([^/]+)$/.exec(path);
  if (replay) return REPLAY_ID.test(decoded(replay[1]!) ?? '');
  const join = /^\/duo\/([^/]+)$/.exec(path);
  if (join) return normaliseRoomCode(decoded(join[1]!) ?? '') !== null;
  return false;
}
