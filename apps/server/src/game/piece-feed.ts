import { SeededPieces, withoutGenerator, type Game, type GameSnapshot } from '@tengen/engine';
import { PIECES_AHEAD } from '@tengen/protocol';

/** Pieces for a client: `types[i]` is piece `from + i` in draw order. */
export interface PieceDeal {
  from: number;
  types: number[];
}

/**
 * Deals pieces instead of the seed: the seed stays here, and each player's client learns its
 * game's pieces only `PIECES_AHEAD` past NEXT, one more each time the server's copy of its game
 * spawns. Every game of a room draws from one sequence (duo players get the same pieces) until a
 * game of it is stored: its replay, seed included, is then public, so later games get a new seed.
 * Plain class, no Colyseus: the match calls it and sends what it returns.
 */
export class PieceFeed {
  readonly #newSeed: () => number;
  #pieces: SeededPieces;
  /** Per player: the sequence of their current game and how many of its pieces they were sent. */
  readonly #games = new Map<string, { pieces: SeededPieces; dealt: number }>();

  constructor(seed: number, newSeed: () => number) {
    this.#pieces = new SeededPieces(seed);
    this.#newSeed = newSeed;
  }

  /** Starts a player's game: its seed (for the server's own engine) and the start's first pieces. */
  start(id: string): { seed: number; pieces: number[] } {
    const dealt = 2 + PIECES_AHEAD;
    this.#games.set(id, { pieces: this.#pieces, dealt });
    return { seed: this.#pieces.seed, pieces: this.#pieces.slice(0, dealt) };
  }

  /** After the server stepped a player's game: the pieces its client needs now, or null. */
  more(id: string, game: Game): PieceDeal | null {
    const g = this.#games.get(id);
    if (!g || game.topOut) return null;
    const want = game.nextDrawIndex + PIECES_AHEAD;
    if (want <= g.dealt) return null;
    const deal = { from: g.dealt, types: g.pieces.slice(g.dealt, want) };
    g.dealt = want;
    return deal;
  }

  /** A reconnecting client's resume: the game without generator state, and its pieces from there on. */
  resume(id: string, game: Game): { snapshot: GameSnapshot } & PieceDeal {
    const g = this.#games.get(id);
    const from = game.nextDrawIndex;
    const to = g?.dealt ?? from;
    return {
      snapshot: withoutGenerator(game.snapshot()),
      from,
      types: g ? g.pieces.slice(from, to) : [],
    };
  }

  /** A game of `seed` was stored and its replay published: games started from now on get a new seed. */
  published(seed: number): void {
    if (seed === this.#pieces.seed) this.reseed();
  }

  /**
   * Games started from now on get a new sequence (solo try again, duo rematch): nobody replays a
   * sequence they have already seen. Never the current seed nor its twin.
   */
  reseed(): void {
    const seed = this.#pieces.seed;
    // Seeds s and s ^ 1 deal the same pieces (the generator shifts bit 0 out before reading it).
    const same = (s: number) => (s | 1) === (seed | 1);
    let next = this.#newSeed();
    for (let i = 0; same(next) && i < 8; i++) next = this.#newSeed();
    this.#pieces = new SeededPieces(next);
  }

  /** The player left for good. */
  forget(id: string): void {
    this.#games.delete(id);
  }
}
