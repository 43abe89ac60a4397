import { boardFeatures, planPiece, WEIGHTS } from '@tengen/bot';
import { Game, ReplayRecorder, type Replay } from '@tengen/engine';

// Players for measuring and testing the copy rule: the project's bot with its heuristic weights,
// soft drop, reaction time and judgement noise made parameters. Noise stands for the variation
// between people (or one person's retries); without it the bot is one deterministic player.

/** A small deterministic generator (mulberry32) so the figures are repeatable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The bot's heuristic weights. */
export type Weights = Record<keyof typeof WEIGHTS, number>;

/** A player: heuristic weights, soft drop or not, a reaction time and noise in its judgement. */
export interface Style {
  weights: Weights;
  softDrop: boolean;
  /** Frames waited before acting on each piece: 0..maxDelay. */
  maxDelay: number;
  /** Uniform noise added to each candidate's value (0: deterministic, like `Bot`). */
  noise: number;
  rand: number;
}

/** The bot's planner (`planPiece`) with its weights, reaction time and judgement noise made parameters. */
function plan(game: Game, s: Style, rand: () => number): number[] {
  return planPiece(game, s.softDrop, (board) => {
    const x = boardFeatures(board);
    return (
      s.weights.aggregateHeight * x.aggregateHeight +
      s.weights.completeLines * x.completeLines +
      s.weights.holes * x.holes +
      s.weights.bumpiness * x.bumpiness +
      s.noise * rand()
    );
  }).buttons;
}

/** One game by a `Style` player, stopped at top-out or `maxFrames`. */
export function botGame(seed: number, level: number, s: Style, maxFrames: number): Replay {
  const game = new Game({ seed, startLevel: level });
  const rec = new ReplayRecorder(seed, level);
  const rand = rng(s.rand);
  let piece = -1;
  let wait = 0;
  let buttons: number[] | null = null;
  let pos = 0;
  while (!game.topOut && game.frame < maxFrames) {
    if (game.controllable && game.pieceCount !== piece) {
      piece = game.pieceCount;
      wait = Math.floor(rand() * (s.maxDelay + 1));
      buttons = null;
    }
    let b = 0;
    if (game.controllable && wait > 0) wait--;
    else if (game.controllable) {
      if (buttons === null) [buttons, pos] = [plan(game, s, rand), 0];
      b = buttons[pos++] ?? 0;
    }
    rec.push(b);
    game.step(b);
  }
  return rec.toReplay();
}
