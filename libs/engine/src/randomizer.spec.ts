import { describe, expect, it } from 'vitest';
import { Game } from './game.ts';
import { PIECE_TYPES } from './pieces.ts';
import { drawPiece, lfsr } from './randomizer.ts';
import { runReplay } from './replay-run.ts';

// An independent, literal transcription of the spec's pseudocode (nes-rules.md, "Randomizer"),
// itself pickRandomTetrimino with the generator advanced once per draw.
function specSequence(seed: number, count: number): string {
  const TYPES = ['T', 'J', 'Z', 'O', 'S', 'L', 'I'];
  const IDS = [0x02, 0x07, 0x08, 0x0a, 0x0b, 0x0e, 0x12];
  const step = (v: number) => ((((v >> 9) ^ (v >> 1)) & 1) << 15) | (v >> 1);
  const st = { rng: seed, spawnCount: 0, prevId: 0 };
  const draw = () => {
    st.rng = step(st.rng);
    st.spawnCount = (st.spawnCount + 1) & 0xff;
    let i = ((st.rng >> 8) + st.spawnCount) & 7;
    if (i === 7 || IDS[i] === st.prevId) {
      st.rng = step(st.rng);
      i = (((st.rng >> 8) & 7) + st.prevId) % 7;
    }
    st.prevId = IDS[i]!;
    return TYPES[i]!;
  };
  let out = '';
  for (let n = 0; n < count; n++) out += draw();
  return out;
}

describe('randomizer (pickRandomTetrimino, generateNextPseudorandomNumber)', () => {
  it('lfsr shifts right and feeds bit 9 xor bit 1 into bit 15', () => {
    expect(lfsr(0x8988)).toBe(0x44c4);
    expect(lfsr(0x0002)).toBe(0x8001);
    expect(lfsr(0x0200)).toBe(0x8100);
    expect(lfsr(0x0202)).toBe(0x0101);
  });

  it('seed 0x0001 steps to 0 and stays there (as on the NES); only spawnCount varies the pieces', () => {
    expect(lfsr(0x0001)).toBe(0);
    expect(lfsr(0)).toBe(0);
    const state = { rng: 1, spawnCount: 0, spawnId: 0 };
    let got = '';
    for (let n = 0; n < 14; n++) got += PIECE_TYPES[drawPiece(state)];
    expect(got).toBe(specSequence(1, 14));
  });

  it('draws the spec sequence for the power-on seed 0x8988', () => {
    const state = { rng: 0x8988, spawnCount: 0, spawnId: 0 };
    let got = '';
    for (let n = 0; n < 20; n++) got += PIECE_TYPES[drawPiece(state)];
    expect(got).toBe(specSequence(0x8988, 20));
    expect(got).toBe('LSSTOISTJILSLISTLSSJ');
  });

  it.each([0x0001, 0x1234, 0xbeef, 0xffff])(
    'matches the spec for seed %s over 500 draws',
    (seed) => {
      const state = { rng: seed, spawnCount: 0, spawnId: 0 };
      let got = '';
      for (let n = 0; n < 500; n++) got += PIECE_TYPES[drawPiece(state)];
      expect(got).toBe(specSequence(seed, 500));
    },
  );

  it('a game draws current then next at start, and one more per spawn (playState_spawnNextTetrimino)', () => {
    const game = new Game({ seed: 0x8988, startLevel: 29 });
    const expected = specSequence(0x8988, 40);
    expect(game.pieceType).toBe(expected[0]);
    expect(game.nextType).toBe(expected[1]);
    // At level 29 with no input the pieces pile up fast; every spawned piece follows the sequence.
    const summary = runReplay({ version: 1, seed: '8988', startLevel: 29, inputs: [[3000, 0]] });
    expect(summary.topOut).toBe(true);
    expect(expected.startsWith(summary.pieces)).toBe(true);
  });

  it('the sequence depends on the seed only, not on timing', () => {
    const a = runReplay({ version: 1, seed: '1234', startLevel: 19, inputs: [[5000, 0]] });
    const b = runReplay({
      version: 1,
      seed: '1234',
      startLevel: 19,
      inputs: [
        [37, 0],
        [400, 4],
        [5000, 1],
      ],
    });
    const n = Math.min(a.pieces.length, b.pieces.length);
    expect(n).toBeGreaterThan(5);
    expect(a.pieces.slice(0, n)).toBe(b.pieces.slice(0, n));
  });
});
