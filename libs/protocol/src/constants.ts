/** Room names registered on the server (`client.joinOrCreate('duo')`, `client.create('solo')`). */
export const ROOM = { solo: 'solo', duo: 'duo' } as const;

/** One room name. */
export type RoomName = (typeof ROOM)[keyof typeof ROOM];

/** NTSC NES frame rate: the engine is stepped this many times per second of play. */
export const FRAMES_PER_SECOND = 60.0988;

/** Highest start level the level menu offers. */
export const MAX_START_LEVEL = 19;

/** Most frames one `inputs` batch may cover (10 s of play); longer batches are rejected. */
export const MAX_BATCH_FRAMES = 600;

/** Most runs one `inputs` batch may hold. */
export const MAX_BATCH_RUNS = 128;

/**
 * How far (in frames) a player's inputs may run ahead of the wall clock (60.0988 frames per second
 * since the game started, minus paused time) before the game becomes unranked: 3 seconds.
 */
export const AHEAD_TOLERANCE_FRAMES = Math.round(3 * FRAMES_PER_SECOND);

/** Seconds the server keeps a dropped player's seat and game for a reconnection. */
export const RECONNECT_SECONDS = 20;

/** Sustained client messages per second allowed before the connection is closed (flooding). */
export const MAX_MESSAGES_PER_SECOND = 60;

/** Messages a client may send in one burst above the sustained rate. */
export const MESSAGE_BURST = 120;

/** Rejected (malformed or refused) messages per second tolerated before the connection is closed. */
export const MAX_REJECTS_PER_SECOND = 20;

/**
 * Client batching policy (see `InputBatcher`): send when the held buttons changed and at least
 * `MIN_BATCH_FRAMES` frames (100 ms) are pending, or when `MAX_PENDING_FRAMES` frames (333 ms) are.
 * The player's own game runs locally at full rate; this only paces what the opponent sees (about
 * 5 messages per second for a busy player, a quarter of what per-3-frame batches cost the server).
 */
export const MIN_BATCH_FRAMES = 6;

/** See `MIN_BATCH_FRAMES`. */
export const MAX_PENDING_FRAMES = 20;

/** Private duo room codes: this many characters from `ROOM_CODE_ALPHABET`. */
export const ROOM_CODE_LENGTH = 4;

/** Unambiguous upper-case letters and digits (no 0/O, 1/I/L, 5/S, 2/Z, 8/B). */
export const ROOM_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';

/** Longest accepted player name, after trimming. */
export const NAME_MAX_LENGTH = 16;

/**
 * Most spectators one room admits; the next is refused (`POST /api/watch` answers 409). Spectators
 * never take a player's seat: the room's Colyseus `maxClients` is its seats plus this.
 */
export const MAX_SPECTATORS = 200;

/** Most games one page of `GET /api/live` holds (`limit`); the default page is `LIVE_PAGE_DEFAULT`. */
export const LIVE_PAGE_MAX = 50;

/** See `LIVE_PAGE_MAX`. */
export const LIVE_PAGE_DEFAULT = 20;
