import type { GameState } from './state.ts';

// pointsTable as BCD (low byte, high byte) for 0-4 lines: 0, 40, 100, 300, 1200.
const POINTS_LO = Uint8Array.from([0x00, 0x40, 0x00, 0x00, 0x00]);
const POINTS_HI = Uint8Array.from([0x00, 0x00, 0x01, 0x03, 0x12]);

/** Decimal value of one BCD byte (nibbles read as digits, as the ROM displays them). */
export function bcdByte(b: number): number {
  return (b >> 4) * 10 + (b & 0x0f);
}

/** The score as a number, from the three BCD bytes. */
export function scoreValue(s: GameState): number {
  return bcdByte(s.score2) * 10000 + bcdByte(s.score1) * 100 + bcdByte(s.score0);
}

/** Three BCD bytes for a plain score 0..999999 (specs use it to set up a score; snapshots keep the bytes). */
export function scoreToBcd(score: number): [number, number, number] {
  const enc = (n: number): number => ((Math.floor(n / 10) % 10) << 4) | (n % 10);
  return [
    enc(score % 100),
    enc(Math.floor(score / 100) % 100),
    enc(Math.floor(score / 10000) % 100),
  ];
}

/**
 * `addHoldDownPoints`: for 2+ soft-dropped rows add count - 1 to the low score byte in binary,
 * then fix it up once; the tens fix-up keeps only the high nibble (the ROM's decimal quirk).
 */
export function addHoldDownPoints(s: GameState): void {
  if (s.holdDownPoints < 2) return;
  let a = (s.holdDownPoints + ((s.score0 - 1) & 0xff)) & 0xff;
  if ((a & 0x0f) >= 0x0a) a = (a + 6) & 0xff;
  if ((a & 0xf0) >= 0xa0) {
    a = ((a & 0xf0) + 0x60) & 0xff;
    s.score1 = (s.score1 + 1) & 0xff;
  }
  s.score0 = a;
}

/**
 * `addLineClearPoints`: add `pointsTable[lines]` (level + 1) times in BCD; a carry out of the top
 * digit pins the score at 999,999.
 */
export function addLineClearPoints(s: GameState, lines: number): void {
  s.holdDownPoints = 0;
  let times = (s.levelNumber + 1) & 0xff;
  do {
    let s0 = s.score0 + POINTS_LO[lines]!;
    let s1 = s.score1;
    let s2 = s.score2;
    if ((s0 & 0xff) >= 0xa0) {
      s0 += 0x60;
      s1 = (s1 + 1) & 0xff;
    }
    s1 = (s1 + POINTS_HI[lines]!) & 0xff;
    if ((s1 & 0x0f) >= 0x0a) s1 = (s1 + 6) & 0xff;
    if ((s1 & 0xf0) >= 0xa0) {
      s1 = (s1 + 0x60) & 0xff;
      s2 = (s2 + 1) & 0xff;
    }
    if ((s2 & 0x0f) >= 0x0a) s2 = (s2 + 6) & 0xff;
    if ((s2 & 0xf0) >= 0xa0) {
      s0 = s1 = s2 = 0x99;
    }
    s.score0 = s0 & 0xff;
    s.score1 = s1;
    s.score2 = s2;
    times = (times - 1) & 0xff;
  } while (times !== 0);
}

/**
 * `incrementLines` in `playState_updateLinesAndStatistics`: one more line; on a multiple of ten
 * the level rises while it is below the lines' BCD tens ((lines+1:lines) >> 4, signed 8-bit compare).
 * Returns true on a level-up.
 */
export function incrementLines(s: GameState): boolean {
  s.lines++;
  const low = s.lines % 100;
  if (low % 10 !== 0) return false;
  const hundreds = Math.floor(s.lines / 100) & 0xff;
  const tens = ((hundreds << 4) | (low / 10)) & 0xff;
  if (((s.levelNumber - tens) & 0x80) === 0) return false;
  s.levelNumber = (s.levelNumber + 1) & 0xff;
  return true;
}
