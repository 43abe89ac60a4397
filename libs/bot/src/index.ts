// @tengen/bot: a deterministic NES Tetris bot that produces real replays for tests and benchmarks.
export { Bot, type BotOptions } from './bot.ts';
export { boardFeatures, scoreBoard, WEIGHTS, type BoardFeatures } from './evaluate.ts';
export { candidateMoves, moveButtons, planPiece, type Move, type Plan } from './planner.ts';
export { DOWN_LEFT_RIGHT, playGame, type PlayGameOptions } from './play-game.ts';
