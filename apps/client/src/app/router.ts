/** The client's pages; the server falls back to index.html for each of these paths. */
export type Route =
  | { name: 'title' }
  | { name: 'solo'; level: number | null }
  | { name: 'duo' }
  | { name: 'duo-join'; code: string }
  | { name: 'scoreboard'; replay: string | null }
  | { name: 'live' }
  | { name: 'watch'; roomId: string }
  | { name: 'not-found'; path: string };

/** Private room codes: 4-8 letters or digits (uppercased; the server issues them). */
export const ROOM_CODE = /^[A-Za-z0-9]{4,8}$/;
const REPLAY_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Room ids (public rooms) and private room codes, as `/watch/ID` carries them. */
const ROOM_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** Normalises a room code typed or pasted by a person, or returns null when it cannot be one. */
export function normaliseRoomCode(input: string): string | null {
  const trimmed = input.trim();
  // Accept a whole invite link too: take what follows /duo/.
  const fromLink = /\/duo\/([^/?#]+)/.exec(trimmed)?.[1] ?? trimmed;
  const code = fromLink.replace(/[\s-]/g, '');
  return ROOM_CODE.test(code) ? code.toUpperCase() : null;
}

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
  const join = /^\/duo\/([^/]+)$/.exec(path);
  if (join) {
    const code = normaliseRoomCode(decodeURIComponent(join[1]!));
    return code === null ? { name: 'not-found', path } : { name: 'duo-join', code };
  }
  if (path === '/live') return { name: 'live' };
  const watch = /^\/watch\/([^/]+)$/.exec(path);
  if (watch) {
    const id = watch[1]!;
    return ROOM_ID.test(id) ? { name: 'watch', roomId: id } : { name: 'not-found', path };
  }
  if (path === '/scoreboard') {
    const id = q.get('replay');
    return { name: 'scoreboard', replay: id !== null && REPLAY_ID.test(id) ? id : null };
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
    case 'scoreboard':
      return route.replay === null
        ? '/scoreboard'
        : `/scoreboard?replay=${encodeURIComponent(route.replay)}`;
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
