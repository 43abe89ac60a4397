/** A player's progress through a room. */
export type PlayerPhase =
  /** Moving the level cursor (`selectedLevel`). */
  | 'choosing'
  /** Level locked in; waiting for the other player. */
  | 'ready'
  /** Game running. */
  | 'playing'
  /** Topped out: may `submit` (if ranked) or `restart`. */
  | 'over';

/** A room's progress. */
export type RoomPhase =
  /** Duo: waiting for a second player. */
  | 'waiting'
  /** Players pick their start levels. */
  | 'choosing'
  /** Games started (each player's own `phase` says whether theirs is still running). */
  | 'playing';

/**
 * One player as every client in the room sees it (a Colyseus schema; this interface is its shape).
 * It is a projection of the server's engine, updated after each input batch.
 */
export interface PlayerStateShape {
  /** False while the player's connection is dropped (reconnection window) or after leaving. */
  connected: boolean;
  /** True once the player left for good. */
  left: boolean;
  phase: PlayerPhase;
  /** Level cursor while choosing; the start level once ready. */
  selectedLevel: number;
  /** False once the game was found cheating (see the `unranked` message). */
  ranked: boolean;
  /** True once this game was stored. */
  submitted: boolean;
  /** Frames the server has simulated for this game. */
  frame: number;
  /** 200 cells, row-major from the top, one character each: '0' empty, '1'..'7' piece type + 1. */
  board: string;
  /** Active piece type index 0..6 (T J Z O S L I), or -1 when no piece is in the well. */
  piece: number;
  /** Active piece orientation ID ($00-$12, the engine's `orientationTable` index). */
  orientation: number;
  /** Active piece pivot column and row. */
  x: number;
  y: number;
  /** Next piece type index 0..6. */
  next: number;
  score: number;
  lines: number;
  level: number;
  startLevel: number;
  /** Pieces spawned per type index (7 entries). */
  stats: ArrayLike<number>;
}

/** The room as every client sees it. */
export interface RoomStateShape {
  mode: 'solo' | 'duo';
  phase: RoomPhase;
  /** Private duo room code (join with `client.joinById(code)`), '' for a public room. */
  code: string;
  /** Piece sequence seed shared by every game in the room (0 until play starts). */
  seed: number;
  /** In duo either player pauses both games. */
  paused: boolean;
  /** The server is restarting: finish and submit, no new games. */
  draining: boolean;
  /** Players by session id. */
  players: { get(sessionId: string): PlayerStateShape | undefined; forEach(cb: (p: PlayerStateShape, id: string) => void): void };
}
