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

/**
 * The matchmaker's refusal of `client.reconnect(token)` while the token's seat still has a live
 * connection (a reloaded page whose old socket the server has not seen close yet, another tab, or
 * someone else holding the token). The owner is never disconnected by it; a reloading client retries.
 */
export const SEAT_IN_USE_MESSAGE = 'this seat is still connected';

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

/**
 * Private duo room codes: this many characters from `ROOM_CODE_ALPHABET`, long enough that guessing
 * within the join-by-code limit takes years (see `CODE_JOINS_PER_MINUTE`).
 */
export const ROOM_CODE_LENGTH = 10;

/** Unambiguous upper-case letters and digits (no 0/O, 1/I/L, 5/S, 2/Z, 8/B). */
export const ROOM_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';

/** Longest accepted player name, after trimming. */
export const NAME_MAX_LENGTH = 16;

/**
 * Pieces the server deals ahead of the NEXT preview (the seed stays on the server): at the start a
 * client knows the current piece, NEXT and this many more, and one more each time its game spawns.
 * Measured in `apps/client/src/net/piece-window.spec.ts` (20 full-speed games, 250 ms round trip with
 * jitter through a delaying proxy, frames sent at each spawn): no stall; the piece arrived at most
 * ~0.75 s after the spawn that released it, and level-29 spawns can come 19 frames (316 ms) apart,
 * so 3 would do; 5 leaves a margin of 2 pieces (another half second of lag).
 */
export const PIECES_AHEAD = 5;

/**
 * How far (in frames) a ranked game may fall behind the wall clock (60.0988 frames per second of
 * active time: since the start, minus pauses and credited disconnections) when a batch arrives:
 * 3 seconds. Covers batching (at most 20 frames), network jitter and a briefly throttled tab;
 * a 0.5x slow-motion game exceeds it after 6 s, a 0.8x one after 15 s.
 */
export const BEHIND_BUDGET_FRAMES = Math.round(3 * FRAMES_PER_SECOND);

/**
 * The real-time clock of a game starts when the server sends `start`; the client's game starts
 * when it receives it. The first batch shows that delay (start delivery plus its own): up to this
 * many seconds of it are forgiven once, so the budget above is left for jitter and stalls.
 */
export const START_SLACK_SECONDS = 2;

/** Pauses a ranked game may have (a fourth unranks it); in duo every pause counts for both games. */
export const MAX_PAUSES_PER_GAME = 3;

/**
 * Most time a ranked game may spend paused or disconnected in total (each drop counts up to
 * `RECONNECT_SECONDS`): one full reconnection window plus a short break.
 */
export const MAX_AWAY_SECONDS = 60;

/** The copy rule's window: this many consecutive pieces of two games on one seed are compared. */
export const COPY_WINDOW_PIECES = 40;

/** A game whose placements equal a stored game's at this many pieces of one window is a copy. */
export const COPY_MIN_SHARED_PIECES = 30;

/** Stored games (same seed and start level, best first) a new game is compared with at most. */
export const COPY_MAX_CANDIDATES = 20;

/**
 * Most spectators one room admits; the next is refused (`POST /api/watch` answers 409). Spectators
 * never take a player's seat: the room's Colyseus `maxClients` is its seats plus this.
 */
export const MAX_SPECTATORS = 200;

/** Most games one page of `GET /api/live` holds (`limit`); the default page is `LIVE_PAGE_DEFAULT`. */
export const LIVE_PAGE_MAX = 50;

/** See `LIVE_PAGE_MAX`. */
export const LIVE_PAGE_DEFAULT = 20;

/**
 * A browser's name key: the secret the server issues with the first score stored under a free
 * name (32 random bytes, base64url). The server keeps only its SHA-256; anything else is refused.
 */
export const NAME_KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Move codes (a name to another device): this many symbols of `ROOM_CODE_ALPHABET`. */
export const NAME_CODE_LENGTH = 10;

/** A move code works this long after it was shown, and once. */
export const NAME_CODE_TTL_SECONDS = 600;

/** Wrong codes tried against one name's live code before that code is burned. */
export const NAME_CODE_MAX_FAILURES = 5;

/** Name-move requests (asking for a code or trying one) per minute from one address (burst 10). */
export const NAME_MOVES_PER_MINUTE = 10;

/** Most recent games a player page lists. */
export const PLAYER_RECENT_GAMES = 20;
