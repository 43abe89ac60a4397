import {
  CODE_JOIN_BURST,
  CODE_JOINS_PER_MINUTE,
  MATCHMAKE_REFUSAL,
  ROOM_CREATE_BURST,
  ROOM_CREATES_PER_MINUTE,
} from '@tengen/protocol';
import { AddressLimiter } from './address-limiter.ts';

/** Why a matchmaking call is refused. */
export type RefusalReason = keyof typeof MATCHMAKE_REFUSAL;

/** A refusal with the code the client maps to words and a message for logs and old clients. */
export interface Refusal {
  reason: RefusalReason;
  code: number;
  message: string;
}

/** The refusal for `reason`. */
export function refusal(reason: RefusalReason): Refusal {
  switch (reason) {
    case 'tooManyRooms':
      return {
        reason,
        code: MATCHMAKE_REFUSAL.tooManyRooms,
        message: 'too many rooms opened from your network, wait a minute',
      };
    case 'tooManyCodeAttempts':
      return {
        reason,
        code: MATCHMAKE_REFUSAL.tooManyCodeAttempts,
        message: 'too many room codes tried from your network, wait a minute',
      };
    case 'serverFull':
      return {
        reason,
        code: MATCHMAKE_REFUSAL.serverFull,
        message: 'the server is full, try again shortly',
      };
    case 'otherEngine':
      return {
        reason,
        code: MATCHMAKE_REFUSAL.otherEngine,
        message: 'this page plays other game rules than the server, reload it',
      };
    case 'matchmakingUnavailable':
      return {
        reason,
        code: MATCHMAKE_REFUSAL.matchmakingUnavailable,
        message: 'matchmaking is unavailable for a moment (redis unreachable), try again shortly',
      };
    default: {
      const never: never = reason;
      throw new Error(`unknown refusal ${String(never)}`);
    }
  }
}

/** What the limits need to know about the process. */
export interface MatchmakeLimitsDeps {
  /** Open WebSocket connections on this process. */
  connections(): number;
  maxConnections: number;
}

/**
 * The matchmaking rules against abuse, with no Colyseus import: per address, room creations
 * (`ROOM_CREATES_PER_MINUTE`) and join-by-code attempts (`CODE_JOINS_PER_MINUTE`, found or not);
 * per process, the connection cap. Reconnections are never refused here: the seat is the player's.
 */
export class MatchmakeLimits {
  readonly #creates = new AddressLimiter(ROOM_CREATES_PER_MINUTE, ROOM_CREATE_BURST);
  readonly #codeJoins = new AddressLimiter(CODE_JOINS_PER_MINUTE, CODE_JOIN_BURST);
  readonly #deps: MatchmakeLimitsDeps;

  constructor(deps: MatchmakeLimitsDeps) {
    this.#deps = deps;
  }

  /**
   * Checks a matchmaking call before it runs. `create` and `joinById` spend an attempt here; a
   * `joinOrCreate` spends one only when it has to create (`mayCreate`).
   */
  admit(method: string, address: string, now: number): Refusal | null {
    if (method === 'reconnect') return null;
    if (this.full()) return refusal('serverFull');
    if (method === 'create' && !this.#creates.take(address, now)) return refusal('tooManyRooms');
    if (method === 'joinById' && !this.#codeJoins.take(address, now))
      return refusal('tooManyCodeAttempts');
    return null;
  }

  /** A `joinOrCreate` found no room to join: spends a creation, or refuses. */
  mayCreate(address: string, now: number): Refusal | null {
    return this.#creates.take(address, now) ? null : refusal('tooManyRooms');
  }

  /** True when this process holds `maxConnections` connections (new players are refused). */
  full(): boolean {
    return this.#deps.connections() >= this.#deps.maxConnections;
  }

  /** True when one more connection than the cap is open (checked when a socket joins a room). */
  overfull(): boolean {
    return this.#deps.connections() > this.#deps.maxConnections;
  }
}
