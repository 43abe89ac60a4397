import { describe, expect, it } from 'vitest';
import { inviteLink, normaliseRoomCode, parseRoute, routeUrl, type Route } from './router.ts';

describe('parseRoute', () => {
  it.each<[string, string, Route]>([
    ['/', '', { name: 'title' }],
    ['', '', { name: 'title' }],
    ['/solo', '', { name: 'solo', level: null }],
    ['/solo/', '?level=19', { name: 'solo', level: 19 }],
    ['/solo', '?level=20', { name: 'solo', level: null }],
    ['/solo', '?level=abc', { name: 'solo', level: null }],
    ['/duo', '', { name: 'duo' }],
    ['/duo/ab12', '', { name: 'duo-join', code: 'AB12' }],
    ['/duo/a', '', { name: 'not-found', path: '/duo/a' }],
    ['/duo/room/xY_z-9aB1', '', { name: 'duo-room', roomId: 'xY_z-9aB1' }],
    ['/duo/room/a', '', { name: 'not-found', path: '/duo/room/a' }],
    ['/duo/room/%3Cx%3E', '', { name: 'not-found', path: '/duo/room/%3Cx%3E' }],
    ['/solo/Qw3_rTy9z', '', { name: 'solo-game', roomId: 'Qw3_rTy9z' }],
    ['/solo/a.b', '', { name: 'not-found', path: '/solo/a.b' }],
    ['/scoreboard', '', { name: 'scoreboard', replay: null }],
    ['/scoreboard', '?replay=r_42', { name: 'scoreboard', replay: 'r_42' }],
    ['/scoreboard', '?replay=%3Cx%3E', { name: 'scoreboard', replay: null }],
    ['/nope', '', { name: 'not-found', path: '/nope' }],
  ])('%s%s', (path, search, route) => {
    expect(parseRoute(path, search)).toEqual(route);
  });

  it('round-trips every route through its URL', () => {
    const routes: Route[] = [
      { name: 'title' },
      { name: 'solo', level: null },
      { name: 'solo', level: 7 },
      { name: 'duo' },
      { name: 'duo-join', code: 'QWER' },
      { name: 'duo-room', roomId: 'aB3_x-Yz9' },
      { name: 'solo-game', roomId: 'Zz9_ab-C1' },
      { name: 'scoreboard', replay: null },
      { name: 'scoreboard', replay: 'abc' },
    ];
    for (const r of routes) {
      const url = new URL(routeUrl(r), 'http://x');
      expect(parseRoute(url.pathname, url.search)).toEqual(r);
    }
  });
});

describe('room codes', () => {
  it('accepts codes and invite links', () => {
    expect(normaliseRoomCode(' ab12 ')).toBe('AB12');
    expect(normaliseRoomCode('AB-12')).toBe('AB12');
    expect(normaliseRoomCode('https://tetris.example/duo/XYZ9')).toBe('XYZ9');
    expect(normaliseRoomCode('x')).toBeNull();
    expect(normaliseRoomCode('<script>')).toBeNull();
  });

  it('builds invite links', () => {
    expect(inviteLink('https://t.example', 'AB12')).toBe('https://t.example/duo/AB12');
  });
});
