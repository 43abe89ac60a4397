import { MATCHMAKE_REFUSAL, SEAT_IN_USE_MESSAGE } from '@tengen/protocol';
import { OUTDATED_PAGE_MESSAGE } from './engine-version.ts';

/** What went wrong joining a room, in terms a screen can act on. */
export type JoinFailure =
  | { kind: 'inUse'; message: string }
  | { kind: 'unreachable'; message: string }
  | { kind: 'notFound'; message: string }
  | { kind: 'full'; message: string }
  | { kind: 'draining'; message: string }
  | { kind: 'rateLimited'; message: string }
  | { kind: 'serverFull'; message: string }
  | { kind: 'outdated'; message: string }
  | { kind: 'matchmakingDown'; message: string }
  | { kind: 'other'; message: string };

type RefusalName = keyof typeof MATCHMAKE_REFUSAL;

/** The player's words for each of the server's own refusals: a new refusal does not compile without them. */
const REFUSAL_FAILURES: Readonly<Record<RefusalName, JoinFailure>> = {
  tooManyRooms: {
    kind: 'rateLimited',
    message: 'Too many rooms were opened from your network. Wait a minute, then try again.',
  },
  tooManyCodeAttempts: {
    kind: 'rateLimited',
    message: 'Too many room codes were tried from your network. Wait a minute, then try again.',
  },
  otherEngine: { kind: 'outdated', message: OUTDATED_PAGE_MESSAGE },
  serverFull: {
    kind: 'serverFull',
    message: 'The server is full right now. Try again in a moment.',
  },
  matchmakingUnavailable: {
    kind: 'matchmakingDown',
    message:
      'New games cannot be started for a moment. Games already running are not affected. Try again shortly.',
  },
};

/** Which of the server's own refusals an error code is, if any. */
function refusalOf(code: number | null): RefusalName | undefined {
  return (Object.keys(MATCHMAKE_REFUSAL) as RefusalName[]).find(
    (name) => MATCHMAKE_REFUSAL[name] === code,
  );
}

/**
 * Classifies an error thrown by a matchmaking call (Colyseus `ServerError`/`MatchMakeError` carry a
 * numeric `code`; network failures are `TypeError`s or carry no code).
 */
export function classifyJoinError(err: unknown, code?: string): JoinFailure {
  const e = err as { code?: unknown; message?: unknown } | null;
  const msg = typeof e?.message === 'string' ? e.message : String(err);
  const c = typeof e?.code === 'number' ? e.code : null;
  const gateway = c !== null && c >= 502 && c <= 504;
  const room = code ? `room ${code}` : 'that room';
  // The server's own refusals, by code (their texts are for logs and would match the tests below).
  const refusal = refusalOf(c);
  if (refusal !== undefined) return { ...REFUSAL_FAILURES[refusal] };
  // Across processes (Redis), Colyseus's IPC replaces the room's refusal with an error naming the call.
  if (msg.includes(SEAT_IN_USE_MESSAGE) || msg.includes('"checkReconnectionToken'))
    return {
      kind: 'inUse',
      message: 'This game is still open in another tab or window: play it there.',
    };
  if (c === 522 || /not found/i.test(msg)) {
    if (/locked/i.test(msg))
      return { kind: 'full', message: `Sorry, ${room} is full: both players are already in it.` };
    return {
      kind: 'notFound',
      message: `There is no ${room}. Check the code, or create a new private room.`,
    };
  }
  if (/locked|full/i.test(msg))
    return { kind: 'full', message: `Sorry, ${room} is full: both players are already in it.` };
  if (/draining|restarting/i.test(msg))
    return { kind: 'draining', message: 'The server is restarting. Please try again in a minute.' };
  if (
    c === null ||
    gateway ||
    err instanceof TypeError ||
    /fetch|network|ECONNREFUSED|Failed to/i.test(msg)
  ) {
    return {
      kind: 'unreachable',
      message: 'Cannot reach the game server. Check your connection and try again.',
    };
  }
  return { kind: 'other', message: `The server refused: ${msg}` };
}
