/**
 * The game modes: a room type (`client.create('solo')`, `client.joinOrCreate('duo')`), a scoreboard
 * of its own and a metrics label. The one list every side derives its mode type from.
 */
export const GAME_MODES = ['solo', 'duo'] as const;

/** One game mode: `solo` or `duo`. */
export type GameMode = (typeof GAME_MODES)[number];
