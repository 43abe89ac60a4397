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
  /** The client joined as a spectator: it may watch, not play. */
  | 'spectating';

/** Why a game became unranked. */
export type UnrankedReason =
  /** Inputs claimed frames further ahead of the wall clock than the tolerance. */
  'aheadOfClock';

/**
 * Messages the server sends; the Colyseus message type is `type`, the payload the rest.
 * A client can route them with `room.onMessage('*', (type, payload) => handle({ type, ...payload }))`.
 */
export type ServerMessage =
  /** Your game starts now (first game, or after `restart`): build `new Game({ seed, startLevel })`. */
  | { type: 'start'; seed: number; startLevel: number }
  /**
   * After a reconnection: your game as the server has it. Resume with `Game.restore(snapshot)`
   * and send inputs from `nextFrame`.
   */
  | { type: 'resume'; snapshot: unknown; nextFrame: number; seed: number; startLevel: number }
  /** A message was refused; nothing changed. */
  | { type: 'error'; code: ErrorCode; message: string; expectedFrame?: number }
  /** Your current game will not be stored; play continues. */
  | { type: 'unranked'; reason: UnrankedReason; message: string }
  /** Your game was stored: its rank on the board and the replay id (`GET /api/replays/:id`). */
  | { type: 'submitted'; rank: number; replayId: string; score: number }
  /** The server is draining: finish (and submit) within `seconds`; no new games start. */
  | { type: 'serverRestarting'; seconds: number }
  /** The opponent's connection dropped; they have `seconds` to come back. */
  | { type: 'opponentDropped'; seconds: number }
  /** The opponent is back. */
  | { type: 'opponentReconnected' }
  /** The opponent left for good; you may play on and submit. */
  | { type: 'opponentLeft' };

/** The `type` of a server message. */
export type ServerMessageType = ServerMessage['type'];

/** The payload of one server message type. */
export type ServerPayload<T extends ServerMessageType> = Omit<
  Extract<ServerMessage, { type: T }>,
  'type'
>;
