import type { PieceSource } from './piece-source.ts';
import { PlayState } from './play-state.ts';
import { BOARD_CELLS, GameState, PLAYFIELD_BYTES } from './state.ts';
import {
  ENGINE_VERSIONS_TEXT,
  isEngineVersion,
  lagButtonsOf,
  type EngineVersion,
} from './versions.ts';

/**
 * Plain JSON data that restores a game exactly (`Game.snapshot` / `Game.restore`). The generator
 * fields (`seed`, `rng`, `spawnCount`, `spawnId`) are present only for a seeded game: a game fed by
 * a piece source has none, and `Game.restore` then takes a piece source again. A version-1
 * snapshot is exactly what it was before versions existed; later versions add their own fields.
 */
export interface GameSnapshot {
  /** The rules version the game runs under. */
  engineVersion: EngineVersion;
  seed?: number;
  startLevel: number;
  /** The 256-byte playfield page (rows 0-19, then the hidden bytes) as digits '0'..'7'. */
  board: string;
  /** The pre-clear rows kept for the clear animation, 200 digits. */
  clearBoard: string;
  x: number;
  y: number;
  orientation: number;
  nextType: number;
  level: number;
  fallTimer: number;
  autorepeatX: number;
  autorepeatY: number;
  holdDownPoints: number;
  playState: number;
  vramRow: number;
  lineIndex: number;
  completedLines: number;
  clearRows: number[];
  rowY: number;
  lines: number;
  /** The ROM's BCD score bytes, low first. */
  scoreBcd: number[];
  stats: number[];
  rng?: number;
  spawnCount?: number;
  spawnId?: number;
  frame: number;
  held: number;
  lastClearCount: number;
  /** Version 2 and later only: the next frame runs no gameplay pass (see `stepState`). */
  lagFrame?: boolean;
}

/** Thrown by `Game.restore` on malformed snapshot data. */
export class SnapshotError extends Error {
  override name = 'SnapshotError';
}

/** The generator fields of a snapshot (absent for a game fed by a piece source). */
const GENERATOR_FIELDS = ['seed', 'rng', 'spawnCount', 'spawnId'] as const;

/** Captures a game state as plain data (`Game.snapshot`). */
export function stateToSnapshot(s: GameState): GameSnapshot {
  const snap = seedlessSnapshot(s);
  if (s.pieces !== null) return snap;
  return { ...snap, seed: s.seed, rng: s.rng, spawnCount: s.spawnCount, spawnId: s.spawnId };
}

/**
 * A seeded game's snapshot as a game fed by a piece source would have it: the generator fields
 * removed. A server hands this to a client that must not learn the seed; the client restores it
 * with `Game.restore(snapshot, pieces)`.
 */
export function withoutGenerator(snap: GameSnapshot): GameSnapshot {
  const out = { ...snap };
  for (const k of GENERATOR_FIELDS) delete out[k];
  return out;
}

function seedlessSnapshot(s: GameState): GameSnapshot {
  const snap: GameSnapshot = {
    engineVersion: s.version,
    startLevel: s.startLevel,
    board: s.board.join(''),
    clearBoard: s.clearBoard.join(''),
    x: s.x,
    y: s.y,
    orientation: s.orientation,
    nextType: s.nextType,
    level: s.levelNumber,
    fallTimer: s.fallTimer,
    autorepeatX: s.autorepeatX,
    autorepeatY: s.autorepeatY,
    holdDownPoints: s.holdDownPoints,
    playState: s.playState,
    vramRow: s.vramRow,
    lineIndex: s.lineIndex,
    completedLines: s.completedLines,
    clearRows: Array.from(s.clearRows),
    rowY: s.rowY,
    lines: s.lines,
    scoreBcd: [s.score0, s.score1, s.score2],
    stats: Array.from(s.stats),
    frame: s.frame,
    held: s.held,
    lastClearCount: s.lastClearCount,
  };
  if (s.version !== 1) snap.lagFrame = s.lagFrame;
  return snap;
}

type Rec = Record<string, unknown>;

function int(o: Rec, key: string, min: number, max: number): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new SnapshotError(
      `snapshot.${key} must be an integer ${min}..${max}, got ${JSON.stringify(v)}`,
    );
  }
  return v;
}

function ints(o: Rec, key: string, length: number, min: number, max: number): number[] {
  const v = o[key];
  if (!Array.isArray(v) || v.length !== length) {
    throw new SnapshotError(`snapshot.${key} must be an array of ${length} integers`);
  }
  return v.map((_, i) => int(v as unknown as Rec, String(i), min, max));
}

function cells(o: Rec, key: string, length: number): Uint8Array<ArrayBuffer> {
  const v = o[key];
  if (typeof v !== 'string' || !new RegExp(`^[0-7]{${length}}$`).test(v)) {
    throw new SnapshotError(`snapshot.${key} must be ${length} digits 0-7`);
  }
  return Uint8Array.from(v, (c) => c.charCodeAt(0) - 48);
}

const PLAY_STATES: readonly number[] = Object.values(PlayState);
const SPAWN_IDS = [0, 0x02, 0x07, 0x08, 0x0a, 0x0b, 0x0e, 0x12];

/**
 * Rebuilds a game state from snapshot data, validating every field; throws `SnapshotError`. With
 * `pieces` the snapshot must carry no generator fields (a game fed by a piece source), without it
 * it must carry them all.
 */
export function stateFromSnapshot(data: unknown, pieces: PieceSource | null = null): GameState {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new SnapshotError('snapshot must be an object');
  }
  const o = data as Rec;
  const version = o['engineVersion'];
  if (!isEngineVersion(version)) {
    throw new SnapshotError(
      `snapshot.engineVersion must be ${ENGINE_VERSIONS_TEXT}, got ${JSON.stringify(version)}`,
    );
  }
  const s = new GameState();
  s.version = version;
  s.lagButtons = lagButtonsOf(version);
  if (version === 1) {
    if (o['lagFrame'] !== undefined)
      throw new SnapshotError('snapshot.lagFrame does not exist under engineVersion 1');
  } else if (typeof o['lagFrame'] !== 'boolean') {
    throw new SnapshotError(
      `snapshot.lagFrame must be a boolean, got ${JSON.stringify(o['lagFrame'])}`,
    );
  } else s.lagFrame = o['lagFrame'];
  if (pieces !== null) {
    const present = GENERATOR_FIELDS.filter((k) => o[k] !== undefined);
    if (present.length > 0)
      throw new SnapshotError(
        `snapshot of a game fed by a piece source must not carry ${present.join(', ')}`,
      );
    s.seed = 0;
    s.pieces = pieces;
  } else s.seed = int(o, 'seed', 1, 0xffff);
  s.startLevel = int(o, 'startLevel', 0, 29);
  s.board = cells(o, 'board', PLAYFIELD_BYTES);
  s.clearBoard = cells(o, 'clearBoard', BOARD_CELLS);
  s.x = int(o, 'x', 0, 11);
  s.y = int(o, 'y', 0, 19);
  s.orientation = int(o, 'orientation', 0, 0x13);
  s.nextType = int(o, 'nextType', 0, 6);
  s.levelNumber = int(o, 'level', 0, 255);
  s.fallTimer = int(o, 'fallTimer', 0, 255);
  s.autorepeatX = int(o, 'autorepeatX', 0, 16);
  s.autorepeatY = int(o, 'autorepeatY', -96, 2);
  s.holdDownPoints = int(o, 'holdDownPoints', 0, 255);
  s.playState = int(o, 'playState', 1, 10);
  if (!PLAY_STATES.includes(s.playState))
    throw new SnapshotError(`snapshot.playState ${s.playState} is not a play state`);
  s.vramRow = int(o, 'vramRow', 0, 32);
  if (s.vramRow > 19 && s.vramRow !== 32)
    throw new SnapshotError('snapshot.vramRow must be 0..19 or 32');
  s.lineIndex = int(o, 'lineIndex', 0, 4);
  s.completedLines = int(o, 'completedLines', 0, 4);
  s.clearRows = Int8Array.from(ints(o, 'clearRows', 4, -1, 21));
  s.rowY = int(o, 'rowY', 0, 5);
  s.lines = int(o, 'lines', 0, 25599);
  [s.score0, s.score1, s.score2] = ints(o, 'scoreBcd', 3, 0, 255) as [number, number, number];
  s.stats = Uint32Array.from(ints(o, 'stats', 7, 0, 0xffffff));
  if (pieces === null) {
    s.rng = int(o, 'rng', 0, 0xffff); // seed 0x0001 steps to 0 and stays there, as on the NES
    s.spawnCount = int(o, 'spawnCount', 0, 255);
    s.spawnId = int(o, 'spawnId', 0, 0x12);
    if (!SPAWN_IDS.includes(s.spawnId))
      throw new SnapshotError(`snapshot.spawnId ${s.spawnId} is not a spawn orientation`);
  }
  s.frame = int(o, 'frame', 0, Number.MAX_SAFE_INTEGER);
  s.held = int(o, 'held', 0, 31);
  s.lastClearCount = int(o, 'lastClearCount', 0, 4);
  return s;
}
