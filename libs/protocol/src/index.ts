export * from './abuse-limits.ts';
export { BOARD_CELLS, BOARD_STRING_LENGTH, EMPTY_BOARD, packBoard, unpackBoard } from './board.ts';
export {
  CLIENT_MESSAGE_TYPES,
  type ClientMessage,
  type ClientMessageType,
  type ClientPayload,
} from './client-messages.ts';
export { CLOSE_CODE, type CloseCode } from './close-codes.ts';
export {
  REPLAY_ID,
  ROOM_CODE,
  ROOM_ID,
  isClientPath,
  normaliseRoomCode,
  playerFromPathSegment,
} from './client-paths.ts';
export * from './constants.ts';
export * from './game-modes.ts';
export type { GameInfoResponse, GameTotals } from './game-api.ts';
export { parseGameStats } from './game-stats.ts';
export type {
  ErrorResponse,
  NameClaimResponse,
  NameCodeResponse,
  PlayerGameLine,
  PlayerResponse,
  ScoreLine,
  ScoresResponse,
} from './http-api.ts';
export {
  BOARD_PERIODS,
  periodStart,
  START_FILTERS,
  type BoardPeriod,
  type StartFilter,
} from './board-filters.ts';
export type { LiveGame, LivePlayer, LiveResponse, WatchResponse } from './live-api.ts';
export { InputBatcher, type InputBatch } from './input-batcher.ts';
export { validateName, type NameCheck } from './name.ts';
export * from './scoreboard-limits.ts';
export type {
  ErrorCode,
  RoomClosedReason,
  ServerMessage,
  ServerMessageType,
  ServerPayload,
  UnrankedReason,
} from './server-messages.ts';
export type {
  GameProjection,
  MatchDecision,
  PlayerPhase,
  PlayerStateShape,
  PlayerStatus,
  RoomPhase,
  RoomStateShape,
} from './state.ts';
export { UNRANKED_REASONS, unrankedText } from './unranked.ts';
