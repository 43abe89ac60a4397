import {
  Button,
  ENGINE_VERSION,
  Game,
  ReplayRecorder,
  runReplay,
  type EngineVersion,
  type Replay,
  type ReplaySummary,
} from '@tengen/engine';
import { Bot } from './bot.ts';

/** Exactly Down+Left+Right (controller byte $07): under rules version 2 the next frame is lost. */
export const DOWN_LEFT_RIGHT = Button.Down | Button.Left | Button.Right;

/** Options for a bot game. */
export interface PlayGameOptions {
  seed: number;
  startLevel: number;
  /** Stop after this many frames if the bot is still alive. */
  maxFrames: number;
  softDrop?: boolean;
  /** Rules version the game is played under (default `ENGINE_VERSION`, as for any new game). */
  version?: EngineVersion;
  /**
   * Golden games for the lost frame: on frames where `frame % every < length` the player holds
   * exactly Down+Left+Right instead of the bot's buttons (the bot's plan waits meanwhile).
   */
  downLeftRight?: { every: number; length: number };
}

/** Lets the bot play one game and returns its replay and the summary re-run from that replay. */
export function playGame(opts: PlayGameOptions): { replay: Replay; summary: ReplaySummary } {
  const version = opts.version ?? ENGINE_VERSION;
  const game = new Game({ seed: opts.seed, startLevel: opts.startLevel, version });
  const bot = new Bot(opts.softDrop === undefined ? {} : { softDrop: opts.softDrop });
  const recorder = new ReplayRecorder(opts.seed, opts.startLevel, version);
  const dlr = opts.downLeftRight;
  while (!game.topOut && game.frame < opts.maxFrames) {
    const buttons =
      dlr !== undefined && game.frame % dlr.every < dlr.length ? DOWN_LEFT_RIGHT : bot.next(game);
    recorder.push(buttons);
    game.step(buttons);
  }
  const replay = recorder.toReplay();
  return { replay, summary: runReplay(replay) };
}
