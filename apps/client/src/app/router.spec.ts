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
    ['/duo/k7qxm3pahd', '', { name: 'duo-join', code: 'K7QXM3PAHD' }],
    ['/duo/a', '', { name: 'not-found', path: '/duo/a' }],
    ['/duo/K7QX', '', { name: 'not-found', path: '/duo/K7QX' }],
    ['/duo/K7QXM3PAHDX', '', { name: 'not-found', path: '/duo/K7QXM3PAHDX' }],
    // 0, O, 1, I, L, 5, S, 2, Z, 8, B are never in a code.
    ['/duo/K7QXM3PAH0', '', { name: 'not-found', path: '/duo/K7QXM3PAH0' }],
    ['/duo/room/xY_z-9aB1', '', { name: 'duo-room', roomId: 'xY_z-9aB1' }],
    ['/duo/room/a', '', { name: 'not-found', path: '/duo/room/a' }],
    ['/duo/room/%3Cx%3E', '', { name: 'not-found', path: '/duo/room/%3Cx%3E' }],
    ['/solo/Qw3_rTy9z', '', { name: 'solo-game', roomId: 'Qw3_rTy9z' }],
    ['/solo/a.b', '', { name: 'not-found', path: '/solo/a.b' }],
    [
      '/scoreboard',
      '',
      { name: 'scoreboard', replay: null, board: { mode: 'solo', period: 'all', start: 'all' } },
    ],
    [
      '/scoreboard',
      '?mode=duo&period=week&start=18',
      { name: 'scoreboard', replay: null, board: { mode: 'duo', period: 'week', start: 18 } },
    ],
    [
      '/scoreboard',
      '?mode=arcade&period=year&start=20',
      { name: 'scoreboard', replay: null, board: { mode: 'solo', period: 'all', start: 'all' } },
    ],
    ['/player/Ann%20Lee', '', { name: 'player', player: 'Ann Lee' }],
    ['/player/%3Cb%3E', '', { name: 'player', player: '<b>' }],
    ['/player/%E0%A4%A', '', { name: 'not-found', path: '/player/%E0%A4%A' }],
    ['/player/a/b', '', { name: 'not-found', path: '/player/a/b' }],
    ['/scoreboard', '?replay=r_42', { name: 'scoreboard', replay: 'r_42' }],
    [
      '/scoreboard',
      '?replay=%3Cx%3E',
      { name: 'scoreboard', replay: null, board: { mode: 'solo', period: 'all', start: 'all' } },
    ],
    ['/replay', '', { name: 'replay', id: null }],
    ['/replay/abcdefghijkm', '', { name: 'replay', id: 'abcdefghijkm' }],
    ['/replay/%3Cx%3E', '', { name: 'not-found', path: '/replay/%3Cx%3E' }],
    ['/replay/%E0%A4%A', '', { name: 'not-found', path: '/replay/%E0%A4%A' }],
    ['/live', '', { name: 'live' }],
    ['/live/', '', { name: 'live' }],
    ['/watch/Ab_3-x9Qz', '', { name: 'watch', roomId: 'Ab_3-x9Qz' }],
    ['/watch/K7QX', '', { name: 'watch', roomId: 'K7QX' }],
    ['/watch/%3Cx%3E', '', { name: 'not-found', path: '/watch/%3Cx%3E' }],
    ['/watch/%E0%A4%A', '', { name: 'not-found', path: '/watch/%E0%A4%A' }],
    ['/watch/a/b', '', { name: 'not-found', path: '/watch/a/b' }],
    ['/nope', '', { name: 'not-found', path: '/nope' }],
  ])('%s%s', (path, search, route) => {
    expect(parseRoute(path, search)).toEqual(route);
  });

  it('round-trips every route through its URL', () => {
    const routes: Route[] = [
      { name: 'title' },
      { name: 'solo', level: null },
      { name: 'replay', id: null },
      { name: 'replay', id: 'abcdefghijkm' },
      { name: 'solo', level: 7 },
      { name: 'duo' },
      { name: 'duo-join', code: 'QWERTYQWER' },
      { name: 'duo-room', roomId: 'aB3_x-Yz9' },
      { name: 'solo-game', roomId: 'Zz9_ab-C1' },
      { name: 'scoreboard', replay: null, board: { mode: 'solo', period: 'all', start: 'all' } },
      { name: 'scoreboard', replay: null, board: { mode: 'duo', period: 'today', start: 0 } },
      { name: 'player', player: 'Ann Lee_-9' },
      { name: 'live' },
      { name: 'watch', roomId: 'Ab_3-x9Qz' },
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
    expect(normaliseRoomCode(' k7qxm3pahd ')).toBe('K7QXM3PAHD');
    expect(normaliseRoomCode('K7QXM-3PAHD')).toBe('K7QXM3PAHD');
    expect(normaliseRoomCode('https://tetris.example/duo/XYX9999XYX')).toBe('XYX9999XYX');
    expect(normaliseRoomCode('AB12')).toBeNull();
    expect(normaliseRoomCode('x')).toBeNull();
    expect(normaliseRoomCode('<script>')).toBeNull();
  });

  it('builds invite links', () => {
    expect(inviteLink('https://t.example', 'K7QXM3PAHD')).toBe('https://t.example/duo/K7QXM3PAHD');
  });
});
