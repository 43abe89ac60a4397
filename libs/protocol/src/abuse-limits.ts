/**
 * Per client address limits on matchmaking, enforced by the server and explained by the client.
 * A client address is an IPv4 address or an IPv6 /64 (one home or phone gets a whole /64).
 */

/** Rooms one address may open per minute, sustained (`create`, or a `joinOrCreate` that creates). */
export const ROOM_CREATES_PER_MINUTE = 12;

/** Rooms one address may open at once above the sustained rate. */
export const ROOM_CREATE_BURST = 12;

/**
 * Join-by-code attempts (`joinById`) one address may make per minute, sustained; every attempt
 * counts, found or not. With 10-character codes from 25 symbols (25^10 = 9.5e13 codes) and 1,000
 * private rooms open, a guess hits with probability 1.05e-11: at 10 guesses a minute one address
 * needs 18,000 years on average, a 1,000-address botnet 18 years (3 with 6 replicas, each of which
 * counts on its own).
 */
export const CODE_JOINS_PER_MINUTE = 10;

/** Join-by-code attempts one address may make at once above the sustained rate. */
export const CODE_JOIN_BURST = 10;

/** Largest matchmaking request body the server reads (bytes); larger ones get 413 unread. */
export const MAX_MATCHMAKE_BODY_BYTES = 4096;

/**
 * Error codes of matchmaking refusals (the SDK's `ServerError.code`, also the HTTP status of the
 * matchmaking response), so the client can explain them in words. None is used by Colyseus (520-526)
 * or by a load balancer in front (502-504).
 */
export const MATCHMAKE_REFUSAL = {
  /** Too many rooms opened from this address: wait a minute. */
  tooManyRooms: 429,
  /** Too many join-by-code attempts from this address: wait a minute. */
  tooManyCodeAttempts: 420,
  /** This server process is at its connection cap: try again shortly. */
  serverFull: 509,
  /**
   * The page claims (`engineVersion` in its join options) rules other than the ones the server plays
   * new games under (`ENGINE_VERSION`): it is older or newer than the server, reload it.
   */
  otherEngine: 426,
  /**
   * Redis, through which matchmaking works across processes, is unreachable: new games cannot be
   * arranged for now; games in progress and the site are not affected. Try again shortly.
   */
  matchmakingUnavailable: 507,
} as const;

/** One of `MATCHMAKE_REFUSAL`. */
export type MatchmakeRefusal = (typeof MATCHMAKE_REFUSAL)[keyof typeof MATCHMAKE_REFUSAL];
