import { describe, expect, it } from 'vitest';
import { GameEvent } from './buttons.ts';
import { loadGoldenFixtures } from './fixtures/load-fixtures.ts';
import { Game } from './game.ts';
import { PieceQueue, PieceSourceError, SeededPieces } from './piece-source.ts';
import { parseReplay } from './replay-parse.ts';
import { seedFromHex } from './seed.ts';
import { SnapshotError, withoutGenerator } from './snapshot.ts';
import { stepUntil } from './test-kit.ts';
import type { EngineVersion } from './versions.ts';

const GENERATOR_FIELDS = ['seed', 'rng', 'spawnCount', 'spawnId'];

const seedless = withoutGenerator;

/** A game fed by a queue holding the first `known` pieces of `seed`'s sequence. */
function fedGame(seed: number, startLevel: number, known: number, version: EngineVersion = 1) {
  const seq = new SeededPieces(seed);
  const queue = new PieceQueue();
  queue.add(0, seq.slice(0, known));
  return { seq, queue, game: new Game({ startLevel, pieces: queue, version }) };
}

describe('SeededPieces', () => {
  it('is exactly the sequence a seeded game draws: current, NEXT at start, one more per spawn', () => {
    const seq = new SeededPieces(0x8988);
    const game = new Game({ seed: 0x8988, startLevel: 19 });
    expect([game.pieceTypeIndex, game.nextTypeIndex]).toEqual(seq.slice(0, 2));
    // Idle play at level 19 stacks up to a top-out after a dozen spawns or so.
    let n = 2;
    for (let f = 0; !game.topOut; f++) {
      if ((game.step([0, 1, 0, 2, 0, 1, 1, 0, 2, 2][(f >> 4) % 10]!) & GameEvent.Spawn) === 0)
        continue;
      expect(game.nextDrawIndex).toBe(n + 1);
      expect([game.pieceTypeIndex, game.nextTypeIndex]).toEqual(seq.slice(n - 1, n + 1));
      n++;
    }
    expect(n).toBeGreaterThan(8);
  });
});

describe('a game fed by a piece source', () => {
  it.each(loadGoldenFixtures().map((f) => [f.name, f] as const))(
    '%s: given the seeded pieces one at a time, plays frame-identically to the seeded game',
    (_name, fixture) => {
      const replay = parseReplay(fixture.replay);
      const seeded = new Game({
        seed: seedFromHex(replay.seed),
        startLevel: replay.startLevel,
        version: replay.version,
      });
      // Only current and NEXT up front: every spawn stalls once until its piece is added.
      const { seq, queue, game: fed } = fedGame(seeded.seed, replay.startLevel, 2, replay.version);
      let stalls = 0;
      // Plain comparisons per frame (108,000 expect calls would dominate); the first difference wins.
      let mismatch: string | null = null;
      outer: for (const [count, buttons] of replay.inputs) {
        for (let i = 0; i < count; i++) {
          let ev = fed.step(buttons);
          if (ev === GameEvent.NeedsPiece) {
            stalls++;
            if (!fed.needsPiece) mismatch ??= `frame ${fed.frame}: stalled but needsPiece is false`;
            queue.add(fed.nextDrawIndex, [seq.pieceAt(fed.nextDrawIndex)]);
            if (fed.needsPiece) mismatch ??= `frame ${fed.frame}: still stalled after the piece`;
            ev = fed.step(buttons);
          }
          const want = seeded.step(buttons);
          if (ev !== want || fed.frame !== seeded.frame)
            mismatch ??= `frame ${seeded.frame}: events ${ev} != ${want}`;
          if (
            (ev & GameEvent.Spawn) !== 0 &&
            JSON.stringify(fed.snapshot()) !== JSON.stringify(seedless(seeded.snapshot()))
          )
            mismatch ??= `frame ${seeded.frame}: snapshots differ after the spawn`;
          if (seeded.topOut) break outer;
        }
      }
      expect(mismatch).toBeNull();
      expect(fed.snapshot()).toEqual(seedless(seeded.snapshot()));
      expect([fed.score, fed.lines, fed.frame, fed.topOut]).toEqual([
        fixture.summary.score,
        fixture.summary.lines,
        fixture.summary.frames,
        fixture.summary.topOut,
      ]);
      expect(stalls).toBe(fixture.summary.pieces.length - 1);
      expect(queue.length).toBe(fixture.summary.pieces.length + 1);
    },
    60_000,
  );

  it('stalls at a spawn whose piece is unknown without changing anything, then goes on', () => {
    const { seq, queue, game } = fedGame(0x1234, 29, 2);
    const spawnFrame = stepUntil(game, GameEvent.NeedsPiece);
    const before = game.snapshot();
    expect(before.playState).toBe(8); // playState_spawnNextTetrimino, row copy complete
    expect(game.needsPiece).toBe(true);
    for (let i = 0; i < 50; i++) expect(game.step(i % 2 ? 8 : 1)).toBe(GameEvent.NeedsPiece);
    expect(game.snapshot()).toEqual(before);
    expect(game.frame).toBe(spawnFrame);
    queue.add(2, seq.slice(2, 4));
    expect(game.step(0) & GameEvent.Spawn).toBe(GameEvent.Spawn);
    expect(game.frame).toBe(spawnFrame + 1);
    expect(game.nextType).toBe(game.view().next);
    expect(game.nextTypeIndex).toBe(seq.pieceAt(2));
  });

  it('needs the first two pieces to start', () => {
    const queue = new PieceQueue();
    queue.add(0, [3]);
    expect(() => new Game({ startLevel: 0, pieces: queue })).toThrow(/first two pieces/);
    expect(() => new Game({ startLevel: 0, pieces: queue, seed: 5 } as never)).toThrow(
      /seed or pieces/,
    );
  });

  it('snapshots carry no generator state; restore needs a piece source', () => {
    const { seq, queue, game } = fedGame(0x0b0e, 18, 30);
    stepUntil(game, GameEvent.Spawn);
    const snap = game.snapshot();
    for (const k of GENERATOR_FIELDS) expect(snap).not.toHaveProperty(k);
    expect(game.seed).toBe(0);
    expect(() => Game.restore(snap)).toThrow(/snapshot.seed must be an integer/);
    const seededSnap = new Game({ seed: 0x0b0e, startLevel: 18 }).snapshot();
    expect(() => Game.restore(seededSnap, queue)).toThrow(SnapshotError);
    expect(() => Game.restore(seededSnap, queue)).toThrow(/must not carry seed, rng/);
    expect(Game.restore(withoutGenerator(seededSnap), queue).snapshot()).toEqual(
      withoutGenerator(seededSnap),
    );
    for (const k of GENERATOR_FIELDS) expect(withoutGenerator(seededSnap)).not.toHaveProperty(k);

    // A fresh queue with the pieces from the snapshot's position on: the restored game continues
    // exactly like the original (pieces before the draw index are never read again).
    const resumed = new PieceQueue();
    resumed.add(0, seq.slice(0, 30));
    const back = Game.restore(JSON.parse(JSON.stringify(snap)) as unknown, resumed);
    expect(back.fed).toBe(true);
    for (let f = 0; f < 600; f++) expect(back.step(f % 5 ? 0 : 4)).toBe(game.step(f % 5 ? 0 : 4));
    expect(back.snapshot()).toEqual(game.snapshot());
  });

  it('clones share the source and continue identically', () => {
    const { game } = fedGame(0x2222, 10, 50);
    stepUntil(game, GameEvent.Spawn);
    const twin = game.clone();
    for (let f = 0; f < 500; f++) expect(twin.step(f % 3 ? 0 : 2)).toBe(game.step(f % 3 ? 0 : 2));
    expect(twin.snapshot()).toEqual(game.snapshot());
  });
});

describe('PieceQueue', () => {
  it('takes re-sends that agree and refuses gaps, contradictions and bad types', () => {
    const q = new PieceQueue();
    q.add(0, [1, 2, 3]);
    q.add(1, [2, 3, 4, 5]); // overlapping re-send, then two new pieces
    q.add(0, [1]);
    expect(q.length).toBe(5);
    expect([0, 1, 2, 3, 4, 5].map((i) => q.pieceAt(i))).toEqual([1, 2, 3, 4, 5, undefined]);
    expect(() => q.add(7, [0])).toThrow(PieceSourceError);
    expect(() => q.add(7, [0])).toThrow(/gap: only pieces up to 4 are known/);
    expect(() => q.add(2, [6])).toThrow(/piece 2 is already 3, not 6/);
    expect(() => q.add(5, [7])).toThrow(/type index 0..6/);
    expect(() => q.add(5, [1.5])).toThrow(/type index 0..6/);
    expect(() => q.add(-1, [0])).toThrow(/from must be an integer/);
    expect(q.length).toBe(5);
  });

  it('can start at a later index (a restored game): earlier pieces are unknown, later ones build on it', () => {
    const q = new PieceQueue(10);
    expect(q.length).toBe(10);
    q.add(8, [4, 4, 1, 2]); // pieces 8 and 9 lie before the start: ignored
    expect([9, 10, 11, 12].map((i) => q.pieceAt(i))).toEqual([undefined, 1, 2, undefined]);
    expect(() => q.add(13, [0])).toThrow(/gap/);
  });
});
