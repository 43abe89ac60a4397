import { describe, expect, it } from 'vitest';
import { MATCHMAKE_REFUSAL, SEAT_IN_USE_MESSAGE } from '@tengen/protocol';
import { OUTDATED_PAGE_MESSAGE } from './engine-version.ts';
import { classifyJoinError } from './join-errors.ts';

class ServerError extends Error {
  code: number;
  constructor(code: number, message: string) {
    super(message);
    this.code = code;
  }
}

describe('classifyJoinError', () => {
  it('tells unknown rooms from full ones', () => {
    expect(classifyJoinError(new ServerError(522, 'room "ABCD" not found'), 'ABCD')).toMatchObject({
      kind: 'notFound',
    });
    const full = classifyJoinError(new ServerError(522, 'room "ABCD" is locked'), 'ABCD');
    expect(full.kind).toBe('full');
    expect(full.message).toContain('ABCD');
  });

  it('recognises a seat still connected elsewhere', () => {
    const f = classifyJoinError(new ServerError(524, SEAT_IN_USE_MESSAGE));
    expect(f.kind).toBe('inUse');
    expect(f.message).toContain('another tab');
    // The same refusal relayed from another server process (Redis scale-out).
    const remote = classifyJoinError(
      new ServerError(
        523,
        'remote room (V_pYljqES) timed out, requesting "checkReconnectionToken with args ["x"]". (2000ms exceeded)',
      ),
    );
    expect(remote.kind).toBe('inUse');
  });

  it('recognises an unreachable server', () => {
    expect(classifyJoinError(new TypeError('Failed to fetch')).kind).toBe('unreachable');
    expect(classifyJoinError(new Error('socket hang up')).kind).toBe('unreachable');
    expect(classifyJoinError(new ServerError(502, 'Bad Gateway')).kind).toBe('unreachable');
  });

  it('recognises a draining server and passes other refusals through', () => {
    expect(classifyJoinError(new ServerError(526, 'server is draining')).kind).toBe('draining');
    expect(classifyJoinError(new ServerError(526, 'nope'))).toEqual({
      kind: 'other',
      message: 'The server refused: nope',
    });
  });

  // The server's own refusals, by code. Their texts are for logs: words in them such as "full",
  // "unavailable" or "redis" must not read as a full room or an unreachable server.
  it.each([
    {
      refusal: 'tooManyRooms',
      text: 'too many rooms opened from your network, wait a minute',
      room: undefined,
      kind: 'rateLimited',
      message: 'Too many rooms were opened from your network. Wait a minute, then try again.',
    },
    {
      refusal: 'tooManyCodeAttempts',
      text: 'too many room codes tried from your network, wait a minute',
      room: 'K7QXM3PAHD',
      kind: 'rateLimited',
      message: 'Too many room codes were tried from your network. Wait a minute, then try again.',
    },
    {
      refusal: 'otherEngine',
      text: 'this page plays engine version 1, the server 2',
      room: 'K7QXM3PAHD',
      kind: 'outdated',
      message: OUTDATED_PAGE_MESSAGE,
    },
    {
      refusal: 'serverFull',
      text: 'the server is full, try again shortly',
      room: 'K7QXM3PAHD',
      kind: 'serverFull',
      message: 'The server is full right now. Try again in a moment.',
    },
    {
      refusal: 'matchmakingUnavailable',
      text: 'matchmaking is unavailable for a moment (redis unreachable), try again shortly',
      room: 'K7QXM3PAHD',
      kind: 'matchmakingDown',
      message:
        'New games cannot be started for a moment. Games already running are not affected. Try again shortly.',
    },
  ] as const)(
    'explains the $refusal refusal in words',
    ({ refusal, text, room, kind, message }) => {
      expect(classifyJoinError(new ServerError(MATCHMAKE_REFUSAL[refusal], text), room)).toEqual({
        kind,
        message,
      });
    },
  );
});
