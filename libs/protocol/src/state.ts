import type { GameMode } from './game-modes.ts';

/** A player's progress through a room. */
export type PlayerPhase =
  /** Moving the level cursor (`selectedLevel`). */
  | 'choosing'
  /** Level locked in; waiting for the other player. */
  | 'ready'
  /** Game running. */
  | 'playing'
  /** Topped out: may `submit` (if ranked), then `restart` (solo) or `rematch` (duo). */
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
 * How the current duo game was decided (`RoomStateShape.result`): still open, on both final
 * scores, by the survivor passing a topped-out opponent's score, or by a player leaving.
 */
export type MatchDecision = 'pending' | 'scores' | 'passed' | 'forfeit';

/** A player's status, visible to every client in the room. */
export interface PlayerStatus {
  /** False while the player's connection is dropped (reconnection window) or after leaving. */
  connected: boolean;
  /** True once the player left for good. */
  left: boolean;
  phase: PlayerPhase;
  /** Level cursor while choosing; the start level once ready. */
  selectedLevel: number;
  /** Start level of the current game. */
  startLevel: number;
  /** False once the game was found cheating (see the `unranked` message). */
  ranked: boolean;
  /** True once this game was stored. */
  submitted: boolean;
  /** Duo: this player asked for a rematch (cleared when the next game starts). */
  rematch: boolean;
  /** Duo: games this seat won, lost and drew since the room was created (the series). */
  wins: number;
  losses: number;
  draws: number;
}

/**
 * The server's projection of a player's engine, updated after each input batch. Sent only to
 * clients that watch this player: the opponent always, the player itself only when it joined with
 * `{ watchSelf: true }` (its own client runs the game already). Unwatched, these fields are undefined.
 */
export interface GameProjection {
  /** Frames the server has simulated for this game. */
  frame: number;
  /** The well, packed two cells per character (100 characters): decode with `unpackBoard`. */
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
  /** Pieces spawned per type index (7 entries). */
  stats: ArrayLike<number>;
}

/** One player as a client sees it (a Colyseus schema; this is its shape). */
export type PlayerStateShape = PlayerStatus & Partial<GameProjection>;

/** The room as every client sees it. */
export interface RoomStateShape {
  mode: GameMode;
  phase: RoomPhase;
  /** Private duo room code (join with `client.joinById(code)`), '' for a public room. */
  code: string;
  /** Session id of the private room's host (its creator, who may close it), '' for a public room. */
  host: string;
  /** In duo either player pauses both games. */
  paused: boolean;
  /** The server is restarting: finish and submit, no new games. */
  draining: boolean;
  /** Duo: how the current game was decided; back to 'pending' when the next one starts. */
  result: MatchDecision;
  /** Duo: session id of the current game's winner; '' while pending and for a draw. */
  winner: string;
  /** Clients watching the room (spectators); they take no seat. */
  spectators: number;
  /** Players by session id. */
  players: {
    get(sessionId: string): PlayerStateShape | undefined;
    forEach(cb: (p: PlayerStateShape, id: string) => void): void;
    readonly size: number;
  };
}
