/**
 * The ROM's `playState` values (`branchOnPlayStatePlayer1`) that a one-player A-type game uses.
 * Numbers match the ROM so the disassembly can be followed line by line.
 */
export const PlayState = {
  /** `playState_playerControlsActiveTetrimino`: shift, rotate, drop. */
  Control: 1,
  /** `playState_lockTetrimino`: top-out check, then waits for the row copy to write the piece. */
  Lock: 2,
  /** `playState_checkForCompletedRows`: one row per frame, four frames. */
  CheckRows: 3,
  /** `playState_noop` while the vblank runs `updateLineClearingAnimation`. */
  LineClear: 4,
  /** `playState_updateLinesAndStatistics`: lines, level, score. */
  UpdateLines: 5,
  /** `playState_bTypeGoalCheck`: only advances in A-type. */
  BTypeGoal: 6,
  /** `playState_receiveGarbage`: only advances in one-player games. */
  Garbage: 7,
  /** `playState_spawnNextTetrimino`: waits for the row copy, then spawns. */
  Spawn: 8,
  /** `playState_updateGameOverCurtain`: the game is over; the engine no longer advances. */
  TopOut: 10,
} as const;

/** A play state number. */
export type PlayStateId = (typeof PlayState)[keyof typeof PlayState];

/** Play state names for views and snapshots. */
export type PlayStateName =
  | 'control'
  | 'lock'
  | 'checkRows'
  | 'lineClear'
  | 'updateLines'
  | 'bTypeGoal'
  | 'garbage'
  | 'spawn'
  | 'topOut';

/** The coarse phase a renderer cares about. */
export type GamePhase = 'playing' | 'lineClear' | 'entry' | 'topOut';

/** Name of a play state number; throws on a number the engine never sets. */
export function playStateName(ps: number): PlayStateName {
  switch (ps) {
    case PlayState.Control:
      return 'control';
    case PlayState.Lock:
      return 'lock';
    case PlayState.CheckRows:
      return 'checkRows';
    case PlayState.LineClear:
      return 'lineClear';
    case PlayState.UpdateLines:
      return 'updateLines';
    case PlayState.BTypeGoal:
      return 'bTypeGoal';
    case PlayState.Garbage:
      return 'garbage';
    case PlayState.Spawn:
      return 'spawn';
    case PlayState.TopOut:
      return 'topOut';
    default:
      throw new Error(`unknown play state ${ps}`);
  }
}

/** The renderer phase of a play state: the piece is live in 'playing' (control and lock). */
export function phaseOf(name: PlayStateName): GamePhase {
  switch (name) {
    case 'control':
    case 'lock':
      return 'playing';
    case 'lineClear':
      return 'lineClear';
    case 'checkRows':
    case 'updateLines':
    case 'bTypeGoal':
    case 'garbage':
    case 'spawn':
      return 'entry';
    case 'topOut':
      return 'topOut';
    default: {
      const never: never = name;
      throw new Error(`unknown play state ${String(never)}`);
    }
  }
}
