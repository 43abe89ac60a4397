// @tengen/engine: NES Tetris (NTSC, 1989) to the frame, pure and allocation-free per frame.
export { Button, BUTTON_MASK, GameEvent, type ButtonName, type GameEventName } from './buttons.ts';
export { Game, view } from './game.ts';
export { framesPerDrop } from './gravity.ts';
export {
  validateGameOptions,
  type FedGameOptions,
  type GameOptions,
  type SeededGameOptions,
} from './options.ts';
export { PieceQueue, PieceSourceError, SeededPieces, type PieceSource } from './piece-source.ts';
export {
  CELL_DX,
  CELL_DY,
  ORIENTATIONS_OF_TYPE,
  PIECE_TYPES,
  ROTATE_A,
  ROTATE_B,
  SPAWN_ORIENTATION,
  TYPE_OF_ORIENTATION,
  type PieceType,
} from './pieces.ts';
export { PlayState, type GamePhase, type PlayStateId, type PlayStateName } from './play-state.ts';
export { drawPiece, lfsr, type RandomizerState } from './randomizer.ts';
export { decodeReplayBinary, encodeReplayBinary } from './replay-binary.ts';
export { parseReplay } from './replay-parse.ts';
export { ReplayRecorder } from './replay-recorder.ts';
export { runReplay } from './replay-run.ts';
export { replayStats, replayTally, type ReplayTally } from './replay-stats.ts';
export { MAX_REPLAY_FRAMES, ReplayError, type Replay, type ReplaySummary } from './replay-types.ts';
export { NES_POWER_ON_SEED, seedFromHex, seedProblem, seedToHex } from './seed.ts';
export { SnapshotError, withoutGenerator, type GameSnapshot } from './snapshot.ts';
export {
  ENGINE_VERSION,
  ENGINE_VERSIONS,
  ENGINE_VERSIONS_TEXT,
  isEngineVersion,
  UNVERSIONED_ENGINE_VERSION,
  type EngineVersion,
} from './versions.ts';
export type { GameView, PieceView } from './view.ts';
export {
  addStatEvent,
  emptyStats,
  gameStats,
  statEventsOf,
  statsOf,
  type GameStats,
  type StatEvent,
  type StatSource,
  type StatsTally,
} from './stats.ts';
