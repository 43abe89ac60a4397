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
    ['/scoreboard', '', { name: 'scoreboard', replay: null }],
    ['/scoreboard', '?replay=r_42', { name: 'scoreboard', replay: 'r_42' }],
    ['/scoreboard', '?replay=%3Cx%3E', { name: 'scoreboard', replay: null }],
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
      { name: 'solo', level: 7 },
      { name: 'duo' },
      { name: 'duo-join', code: 'QWER' },
      { name: 'scoreboard', replay: null },
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
