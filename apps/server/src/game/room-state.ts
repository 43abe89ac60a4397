import { ArraySchema, MapSchema, schema, t, type SchemaType } from '@colyseus/schema';
import { GameEvent, type Game } from '@tengen/engine';
import {
  EMPTY_BOARD,
  packBoard,
  type GameMode,
  type MatchDecision,
  type PlayerPhase,
  type RoomPhase,
} from '@tengen/protocol';
import { leanArrayChanges } from './lean-tables.ts';

/**
 * One player as clients see it (shape documented by `PlayerStateShape` in the protocol). The game
 * projection (`.view()` fields) goes only to clients whose view holds this player: the opponent,
 * and the player itself only when it joined with `{ watchSelf: true }` (its own client already
 * runs the game, so echoing it back would double the traffic for nothing).
 */
export const PlayerState = schema(
  {
    connected: t.boolean().default(true),
    left: t.boolean().default(false),
    phase: t.string().default('choosing'),
    selectedLevel: t.uint8().default(0),
    ranked: t.boolean().default(true),
    submitted: t.boolean().default(false),
    rematch: t.boolean().default(false),
    wins: t.uint16().default(0),
    losses: t.uint16().default(0),
    draws: t.uint16().default(0),
    frame: t.uint32().default(0).view(),
    board: t.string().default(EMPTY_BOARD).view(),
    piece: t.int8().default(-1).view(),
    orientation: t.uint8().default(0).view(),
    x: t.int8().default(0).view(),
    y: t.int8().default(0).view(),
    next: t.uint8().default(0).view(),
    score: t.uint32().default(0).view(),
    lines: t.uint16().default(0).view(),
    level: t.uint8().default(0).view(),
    startLevel: t.uint8().default(0),
    stats: t.array('uint16').view(),
  },
  'PlayerState',
);
/** Instance type of `PlayerState`. */
export type PlayerState = SchemaType<typeof PlayerState>;

/** The room as every client sees it (`RoomStateShape` in the protocol). */
export const GameRoomState = schema(
  {
    mode: t.string().default('solo'),
    phase: t.string().default('waiting'),
    code: t.string().default(''),
    host: t.string().default(''),
    paused: t.boolean().default(false),
    draining: t.boolean().default(false),
    result: t.string().default('pending'),
    winner: t.string().default(''),
    players: t.map(PlayerState),
    spectators: t.uint16().default(0),
  },
  'GameRoomState',
);
/** Instance type of `GameRoomState`. */
export type GameRoomState = SchemaType<typeof GameRoomState>;

/** Typed setters so the room and match code cannot write a phase the protocol does not know. */
export const setPlayerPhase = (p: PlayerState, phase: PlayerPhase): void => {
  p.phase = phase;
};
/** See `setPlayerPhase`. */
export const setRoomPhase = (s: GameRoomState, phase: RoomPhase): void => {
  s.phase = phase;
};

/** See `setPlayerPhase`: the current duo game's result ('pending' clears the winner). */
export const setResult = (s: GameRoomState, result: MatchDecision, winner = ''): void => {
  s.result = result;
  s.winner = winner;
};

/** A new player entry with seven zeroed statistics (`leanArrayChanges`: no garbage per change). */
export function newPlayerState(): PlayerState {
  const p = new PlayerState();
  p.stats = new ArraySchema<number>(0, 0, 0, 0, 0, 0, 0);
  leanArrayChanges(p.stats);
  return p;
}

/** A fresh room state. */
export function newRoomState(mode: GameMode, code: string): GameRoomState {
  const s = new GameRoomState();
  s.mode = mode;
  s.code = code;
  s.players = new MapSchema<PlayerState>();
  return s;
}

const BOARD_EVENTS =
  GameEvent.Lock | GameEvent.LineClearStart | GameEvent.LinesCleared | GameEvent.TopOut;
const board = new Uint8Array(200);

/**
 * Projects the engine into a player's schema entry after a batch. `events` are the batch's
 * `GameEvent` bits; the board string is rebuilt only when a lock or clear changed it (or `full`).
 */
export function projectGame(p: PlayerState, game: Game, events: number, full = false): void {
  p.frame = game.frame;
  if (full || (events & BOARD_EVENTS) !== 0) {
    game.readBoard(board);
    p.board = packBoard(board);
  }
  if (game.hasActivePiece) {
    p.piece = game.pieceTypeIndex;
    p.orientation = game.orientation;
    p.x = game.pieceX;
    p.y = game.pieceY;
  } else {
    p.piece = -1;
  }
  p.next = game.nextTypeIndex;
  p.score = game.score;
  p.lines = game.lines;
  p.level = game.level;
  if (full || (events & GameEvent.Spawn) !== 0) projectStats(p.stats, game);
}

/**
 * What each statistics array holds, kept beside it: an `ArraySchema` is a Proxy, and reading its
 * seven elements at every spawn to find the one that changed was half of `projectGame`'s time.
 */
const statsShown = new WeakMap<ArraySchema<number>, Uint16Array>();

function projectStats(stats: ArraySchema<number>, game: Game): void {
  let shown = statsShown.get(stats);
  if (!shown) {
    shown = new Uint16Array(7);
    for (let i = 0; i < 7; i++) shown[i] = stats[i] ?? 0;
    statsShown.set(stats, shown);
  }
  for (let i = 0; i < 7; i++) {
    const count = game.stat(i);
    if (shown[i] === count) continue;
    shown[i] = count;
    stats[i] = count;
  }
}
