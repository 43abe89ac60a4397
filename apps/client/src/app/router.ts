import { REPLAY_ID, ROOM_ID, normaliseRoomCode, playerFromPathSegment } from '@tengen/protocol';

// Room ids and codes are parsed as the server matches them (`isClientPath`, `@tengen/protocol`).
export { ROOM_CODE, ROOM_ID, normaliseRoomCode } from '@tengen/protocol';
import { boardQuery, parseBoardView, type BoardView } from './board-view.ts';

/** The client's pages; the server falls back to index.html for each of these paths. */
export type Route =
  | { name: 'title' }
  | { name: 'solo'; level: number | null }
  | { name: 'duo' }
  | { name: 'duo-join'; code: string }
  /** A quick-match duo room by its id (the address a reload resumes). */
  | { name: 'duo-room'; roomId: string }
  /** A live solo game by its room id (the address a reload resumes). */
  | { name: 'solo-game'; roomId: string }
  | { name: 'scoreboard'; replay: string | null; board?: BoardView }
  /** The replay theater: a stored game by id, or (null) a replay file opened from disk. */
  | { name: 'replay'; id: string | null }
  /** A player's page (`/player/NAME`, the name URL-encoded). */
  | { name: 'player'; player: string }
  | { name: 'live' }
  | { name: 'watch'; roomId: string }
  | { name: 'not-found'; path: string };

/** Parses a location's path and query into a route. */
export function parseRoute(pathname: string, search = ''): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  const q = new URLSearchParams(search);
  if (path === '/') return { name: 'title' };
  if (path === '/solo') {
    const raw = q.get('level');
    const level = raw !== null && /^\d{1,2}$/.test(raw) && Number(raw) <= 19 ? Number(raw) : null;
    return { name: 'solo', level };
  }
  if (path === '/duo') return { name: 'duo' };
  const room = /^\/(duo\/room|solo)\/([^/]+)$/.exec(path);
  if (room) {
    const roomId = decodeURIComponent(room[2]!);
    if (!ROOM_ID.test(roomId)) return { name: 'not-found', path };
    return room[1] === 'solo' ? { name: 'solo-game', roomId } : { name: 'duo-room', roomId };
  }
  const join = /^\/duo\/([^/]+)$/.exec(path);
  if (join) {
    const code = normaliseRoomCode(decodeURIComponent(join[1]!));
    return code === null ? { name: 'not-found', path } : { name: 'duo-join', code };
  }
  if (path === '/replay') return { name: 'replay', id: null };
  const replay = /^\/replay\/([^/]+)$/.exec(path);
  if (replay) {
    const id = replay[1]!;
    return REPLAY_ID.test(id) ? { name: 'replay', id } : { name: 'not-found', path };
  }
  if (path === '/live') return { name: 'live' };
  const watch = /^\/watch\/([^/]+)$/.exec(path);
  if (watch) {
    const id = watch[1]!;
    return ROOM_ID.test(id) ? { name: 'watch', roomId: id } : { name: 'not-found', path };
  }
  if (path === '/scoreboard') {
    const id = q.get('replay');
    if (id !== null && REPLAY_ID.test(id)) return { name: 'scoreboard', replay: id };
    return { name: 'scoreboard', replay: null, board: parseBoardView(q) };
  }
  const player = /^\/player\/([^/]+)$/.exec(path);
  if (player) {
    const name = playerFromPathSegment(player[1]!);
    return name === null ? { name: 'not-found', path } : { name: 'player', player: name };
  }
  return { name: 'not-found', path };
}

/** The URL (path and query) of a route. */
export function routeUrl(route: Route): string {
  switch (route.name) {
    case 'title':
      return '/';
    case 'solo':
      return route.level === null ? '/solo' : `/solo?level=${route.level}`;
    case 'duo':
      return '/duo';
    case 'duo-join':
      return `/duo/${encodeURIComponent(route.code)}`;
    case 'duo-room':
      return `/duo/room/${encodeURIComponent(route.roomId)}`;
    case 'solo-game':
      return `/solo/${encodeURIComponent(route.roomId)}`;
    case 'scoreboard':
      return route.replay === null
        ? `/scoreboard${route.board ? boardQuery(route.board) : ''}`
        : `/scoreboard?replay=${encodeURIComponent(route.replay)}`;
    case 'replay':
      return route.id === null ? '/replay' : `/replay/${encodeURIComponent(route.id)}`;
    case 'player':
      return `/player/${encodeURIComponent(route.player)}`;
    case 'live':
      return '/live';
    case 'watch':
      return `/watch/${encodeURIComponent(route.roomId)}`;
    case 'not-found':
      return route.path;
    default: {
      const never: never = route;
      throw new Error(`unknown route ${JSON.stringify(never)}`);
    }
  }
}

/** The shareable invite link of a private room on this origin. */
export function inviteLink(origin: string, code: string): string {
  return `${origin}${routeUrl({ name: 'duo-join', code })}`;
}

/**
 * How a screen updates the address bar without changing screen: `replace` the entry, `push` a new
 * one, or `room`: the address of a room just joined, with an in-app entry behind it so that the
 * browser's Back button stays in the app (a `popstate` the app turns into a leave on purpose)
 * rather than unloading the page (which the server can only take for a dropped connection).
 */
export type UrlChange = 'replace' | 'push' | 'room';

/** Marks history entries that are a room's address (kept across a reload of that entry). */
const ROOM_ENTRY = 'tengenRoom';

/** Applies a `UrlChange` to the browser's history. */
export function setUrl(route: Route, how: UrlChange, lobby: Route = { name: 'duo' }): void {
  const url = routeUrl(route);
  if (how === 'replace') return history.replaceState(history.state, '', url);
  if (how === 'push') return history.pushState(null, '', url);
  const state = { [ROOM_ENTRY]: url };
  const st = history.state as Record<string, unknown> | null;
  if (st?.[ROOM_ENTRY] === url) return; // a reload of this room's entry: already in place
  if (`${location.pathname}${location.search}` === url) {
    // Opened straight at the room's address (a link, a reopened tab): put the lobby behind it.
    history.replaceState(null, '', routeUrl(lobby));
  }
  history.pushState(state, '', url);
}
