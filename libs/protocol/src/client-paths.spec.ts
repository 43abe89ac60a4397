import { describe, expect, it } from 'vitest';
import { isClientPath, normaliseRoomCode } from './client-paths.ts';

describe('isClientPath', () => {
  it.each([
    '/',
    '',
    '/solo',
    '/solo/',
    '/duo',
    '/duo/K7QXM3PAHD',
    '/duo/k7qx-m3pa-hd',
    '/duo/room/xY_z-9aB1',
    '/solo/Qw3_rTy9z',
    '/live',
    '/watch/Ab_3-x9Qz',
    '/scoreboard',
  ])('%s is a page of the client', (path) => {
    expect(isClientPath(path)).toBe(true);
  });

  it.each([
    '/nope',
    '/solo/a.b',
    '/solo/a',
    '/duo/K7QX',
    '/duo/K7QXM3PAH0',
    '/duo/room/%3Cx%3E',
    '/duo/%E0%A4%A',
    '/watch/a/b',
    '/scoreboard/x',
    '/index.htm',
  ])('%s is not', (path) => {
    expect(isClientPath(path)).toBe(false);
  });
});

describe('normaliseRoomCode', () => {
  it('takes a code from a pasted invite link, any case, with dashes', () => {
    expect(normaliseRoomCode(' https://x.example/duo/k7qx-m3pa-hd ')).toBe('K7QXM3PAHD');
    expect(normaliseRoomCode('K7QX')).toBeNull();
  });
});
