import type { EngineVersion } from '@tengen/engine';

/** Why a message was refused (`error.code`). */
export type ErrorCode =
  /** Not a known message, or its payload has the wrong shape. */
  | 'malformed'
  /** The message makes no sense in the current phase (e.g. inputs before the game started). */
  | 'wrongPhase'
  /** `inputs.from` is not the next expected frame (see `expectedFrame`). */
  | 'badFrame'
  /** A run holds button bits the NES controller does not have. */
  | 'unknownButtons'
  /** A batch covers more than `MAX_BATCH_FRAMES` frames. */
  | 'batchTooLarge'
  /** Inputs sent long after the game was paused. */
  | 'paused'
  /** The submitted name is invalid (`message` says why). */
  | 'badName'
  /** Submit refused: the game is not over yet. */
  | 'notOver'
  /** Submit refused: the game is unranked (`message` says why). */
  | 'unranked'
  /** Submit refused: this game was already stored. */
  | 'alreadySubmitted'
  /** The score could not be stored; try again. */
  | 'saveFailed'
  /** The server is restarting: no new games. */
  | 'draining'
  /** Only the host of a private room may do this (e.g. `closeRoom`). */
  | 'notHost'
  /** Submit refused: the game reproduces a stored game of the same seed and start level. */
  | 'copiedGame'
  /** The client joined as a spectator: it may watch, not play. */
  | 'spectating'
  /** Submit refused: another browser holds this name (it stored the first score under it). */
  | 'nameTaken';

/** Why a game became unranked. */
export type UnrankedReason =
  /** Inputs claimed frames further ahead of the wall clock than the tolerance. */
  | 'aheadOfClock'
  /** The game fell further behind the wall clock than the budget (slow motion, a frozen game). */
  | 'behindClock'
  /** More pauses, or more time paused or disconnected, than a ranked game allows. */
  | 'pauseLimit';

/**
 * Messages the server sends; the Colyseus message type is `type`, the payload the rest.
 * A client can route them with `room.onMessage('*', (type, payload) => handle({ type, ...payload }))`.
 */
export type ServerMessage =
  /**
   * Your game starts now (first game, `restart`, or a rematch both asked for; every game gets a new
   * sequence). The seed stays on the server: `pieces`
   * are the first pieces in draw order (current, NEXT and `PIECES_AHEAD` more); put them in a
   * `PieceQueue` at index 0 and build `new Game({ startLevel, pieces: queue, version })` with
   * `engineVersion` as the version: the rules the server plays the game under (always the newest;
   * a client that cannot run them must ask the player to reload the page).
   */
  | { type: 'start'; startLevel: number; pieces: number[]; engineVersion: EngineVersion }
  /**
   * More pieces of your current game, piece `from` first (indices in draw order). Sent as your
   * game spawns, so the queue stays `PIECES_AHEAD` ahead of NEXT; a re-send is harmless.
   */
  | { type: 'pieces'; from: number; types: number[] }
  /**
   * After a reconnection: your game as the server has it, without generator state. Resume with
   * `Game.restore(snapshot, queue)` (pieces `from`, `from + 1`, ... are `types`; the game draws
   * piece `from` next) and send inputs from `nextFrame`.
   */
  | {
      type: 'resume';
      snapshot: unknown;
      nextFrame: number;
      startLevel: number;
      from: number;
      types: number[];
    }
  /** A message was refused; nothing changed. */
  | { type: 'error'; code: ErrorCode; message: string; expectedFrame?: number }
  /** Your current game will not be stored; play continues. */
  | { type: 'unranked'; reason: UnrankedReason; message: string }
  /**
   * Your game was stored: its rank on the board and the replay id (`GET /api/replays/:id`). `key`
   * (here and in `submitQueued`) is a new name key when the submit carried none: keep it, it is
   * what makes the name yours (it is sent once and never stored in clear).
   */
  | { type: 'submitted'; rank: number; replayId: string; score: number; key?: string }
  /**
   * Your game is verified and kept safe, but the database cannot take it right now: it reaches the
   * board (under `replayId`) shortly, without you doing anything. No rank yet.
   */
  | { type: 'submitQueued'; replayId: string; score: number; key?: string }
  /** The server is draining: finish (and submit) within `seconds`; no new games start. */
  | { type: 'serverRestarting'; seconds: number }
  /** The opponent's connection dropped; they have `seconds` to come back. */
  | { type: 'opponentDropped'; seconds: number }
  /** The opponent is back. */
  | { type: 'opponentReconnected' }
  /**
   * The opponent left for good (on purpose, or their reconnection window ran out); you may play on
   * and submit. A game still undecided is theirs to lose (see `RoomStateShape.result`).
   */
  | { type: 'opponentLeft' }
  /** The private room is closed (its host closed it or left for good); the server disconnects you. */
  | { type: 'roomClosed'; reason: RoomClosedReason };

/** Why a private room closed. */
export type RoomClosedReason =
  /** The host pressed "Close room". */
  | 'hostClosed'
  /** The host left for good before play (or their reconnection window ran out). */
  | 'hostLeft';

/** The `type` of a server message. */
export type ServerMessageType = ServerMessage['type'];

/** The payload of one server message type. */
export type ServerPayload<T extends ServerMessageType> = Omit<
  Extract<ServerMessage, { type: T }>,
  'type'
>;
