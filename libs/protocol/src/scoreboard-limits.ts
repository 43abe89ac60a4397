// The scoreboard's sizes, in one place: `GET /api/scores?mode=solo|duo&limit=N`.

/** Lines `GET /api/scores` returns when the request names no `limit`. */
export const SCOREBOARD_DEFAULT_LIMIT = 10;

/** Most lines one `GET /api/scores` may ask for; a larger `limit` is refused with 400. */
export const SCOREBOARD_MAX_LIMIT = 100;

/** Lines the client's scoreboard screen asks for per mode (at most `SCOREBOARD_MAX_LIMIT`). */
export const SCOREBOARD_SCREEN_LINES = 50;
