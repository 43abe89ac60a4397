import { describe, expect, it } from 'vitest';
import { isClientPath } from '@tengen/protocol';
import { parseRoute, routeUrl, type Route } from './router.ts';

/**
 * One address per route: a route added to the client without a matching shape in `isClientPath`
 * would be answered 404 by the server on a reload. The record's type makes a new route name fail
 * the typecheck until it has an example here.
 */
const EXAMPLES: Record<Exclude<Route['name'], 'not-found'>, Route> = {
  title: { name: 'title' },
  solo: { name: 'solo', level: 18 },
  duo: { name: 'duo' },
  'duo-join': { name: 'duo-join', code: 'K7QXM3PAHD' },
  'duo-room': { name: 'duo-room', roomId: 'xY_z-9aB1' },
  'solo-game': { name: 'solo-game', roomId: 'Qw3_rTy9z' },
  scoreboard: { name: 'scoreboard', replay: 'r_42' },
  replay: { name: 'replay', id: 'g_77' },
  player: { name: 'player', player: 'Ann / B&B #1' },
  live: { name: 'live' },
  watch: { name: 'watch', roomId: 'Ab_3-x9Qz' },
};

describe('the server answers every client route 200 and nothing else', () => {
  it.each(Object.values(EXAMPLES))('$name', (route) => {
    const url = new URL(routeUrl(route), 'http://x');
    expect(parseRoute(url.pathname, url.search)).toEqual(route);
    expect(isClientPath(url.pathname)).toBe(true);
  });

  it.each([
    '/nope',
    '/duo/K7QX',
    '/solo/a.b',
    '/watch/a/b',
    '/scoreboard/x',
    '/replay/a.b',
    '/replay/x/y',
  ])('%s is not found on both sides', (path) => {
    expect(parseRoute(path).name).toBe('not-found');
    expect(isClientPath(path)).toBe(false);
  });
});
