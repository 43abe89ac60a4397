import { Game, ReplayRecorder, runReplay, type Replay, type ReplaySummary } from '@tengen/engine';
import { Bot } from './bot.ts';

/** Options for a bot game. */
export interface PlayGameOptions {
  seed: number;
  startLevel: number;
  /** Stop after this many frames if the bot is still alive. */
  maxFrames: number;
  softDrop?: boolean;
}

/** Lets the bot play one game and returns its replay and the summary re-run from that replay. */
export function playGame(opts: PlayGameOptions): { replay: Replay; summary: ReplaySummary } {
  const game = new Game({ seed: opts.seed, startLevel: opts.startLevel });
  const bot = new Bot(opts.softDrop === undefined ? {} : { softDrop: opts.softDrop });
  const recorder = new ReplayRecorder(opts.seed, opts.startLevel);
  while (!game.topOut && game.frame < opts.maxFrames) {
    const buttons = bot.next(game);
    recorder.push(buttons);
    game.step(buttons);
  }
  const replay = recorder.toReplay();
  return { replay, summary: runReplay(replay) };
}
