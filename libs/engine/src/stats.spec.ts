import { describe, expect, it } from 'vitest';
import { Button, GameEvent } from './buttons.ts';
import { Game } from './game.ts';
import { PIECE_TYPES } from './pieces.ts';
import {
  addStatEvent,
  emptyStats,
  gameStats,
  statEventsOf,
  statsOf,
  type StatEvent,
} from './stats.ts';
import { gameWith } from './test-kit.ts';

const FPS = 60.0988;
const piece = (letter: (typeof PIECE_TYPES)[number]): StatEvent => ({
  kind: 'spawn',
  piece: PIECE_TYPES.indexOf(letter),
});
const clear = (lines: number): StatEvent => ({ kind: 'clear', lines });

describe('gameStats over hand-made sequences', () => {
  it('is empty before the first piece', () => {
    const s = gameStats([], 0, FPS);
    expect(s).toEqual({
      pieces: [0, 0, 0, 0, 0, 0, 0],
      totalPieces: 0,
      lines: 0,
      tetrisLines: 0,
      burns: 0,
      tetrisRate: null,
      longestDrought: 0,
      drought: 0,
      piecesPerMinute: null,
    });
  });

  it('counts Tetris lines against burns: one Tetris and two singles is a 4/6 Tetris rate', () => {
    const s = gameStats(
      [piece('I'), clear(4), piece('T'), clear(1), piece('O'), clear(1)],
      60,
      FPS,
    );
    expect(s.lines).toBe(6);
    expect(s.tetrisLines).toBe(4);
    expect(s.burns).toBe(2);
    expect(s.tetrisRate).toBeCloseTo(4 / 6, 10);
  });

  it('calls doubles and triples burns too, and a game of only Tetrises 100%', () => {
    expect(gameStats([clear(2), clear(3)], 1, FPS)).toMatchObject({ burns: 5, tetrisRate: 0 });
    expect(gameStats([clear(4), clear(4)], 1, FPS)).toMatchObject({ burns: 0, tetrisRate: 1 });
  });

  it('measures the longest drought between long bars, not the last one', () => {
    const seq = ['I', 'T', 'T', 'T', 'T', 'T', 'I', 'S', 'Z', 'I', 'O'] as const;
    const s = gameStats(seq.map(piece), 100, FPS);
    expect(s.longestDrought).toBe(5);
    expect(s.drought).toBe(1);
  });

  it('counts the drought going on when it is the longest, and one from the first piece', () => {
    const s = gameStats(
      ['T', 'J', 'I', 'Z', 'S', 'O', 'L'].map((p) => piece(p as 'T')),
      1,
      FPS,
    );
    expect(s.longestDrought).toBe(4);
    expect(s.drought).toBe(4);
    expect(
      gameStats(
        ['J', 'L', 'I'].map((p) => piece(p as 'J')),
        1,
        FPS,
      ).longestDrought,
    ).toBe(2);
  });

  it('keeps the NES piece counts per type in PIECE_TYPES order', () => {
    const s = gameStats(
      ['T', 'T', 'I', 'O'].map((p) => piece(p as 'T')),
      1,
      FPS,
    );
    expect(s.pieces).toEqual([2, 0, 0, 1, 0, 0, 1]);
    expect(s.totalPieces).toBe(4);
  });

  it('gives pieces per minute of game time: 30 pieces in one minute of frames is 30', () => {
    const events = Array.from({ length: 30 }, () => piece('T'));
    expect(gameStats(events, FPS * 60, FPS).piecesPerMinute).toBeCloseTo(30, 10);
    expect(gameStats(events, FPS * 30, FPS).piecesPerMinute).toBeCloseTo(60, 10);
  });

  it('folds without changing the tally it was given', () => {
    const t0 = emptyStats();
    const t1 = addStatEvent(t0, piece('T'));
    expect(t0.pieces[0]).toBe(0);
    expect(t1.pieces[0]).toBe(1);
    expect(statsOf(t1, 10, FPS).totalPieces).toBe(1);
  });

  it('refuses events that cannot happen', () => {
    expect(() => gameStats([clear(5)], 1, FPS)).toThrow(RangeError);
    expect(() => gameStats([clear(0)], 1, FPS)).toThrow(RangeError);
    expect(() => gameStats([{ kind: 'spawn', piece: 7 }], 1, FPS)).toThrow(RangeError);
  });
});

describe('statEventsOf a real game', () => {
  it('matches the engine: piece counts equal Game.stat, lines equal Game.lines', () => {
    const game = new Game({ seed: 0x2222, startLevel: 9 });
    const events: StatEvent[] = [{ kind: 'spawn', piece: game.pieceTypeIndex }];
    for (let f = 0; f < 20_000 && !game.topOut; f++) {
      const b = f % 7 === 0 ? Button.Left : f % 11 === 0 ? Button.A : Button.Down;
      events.push(...statEventsOf(game.step(b), game));
    }
    const s = gameStats(events, game.frame, FPS);
    for (let i = 0; i < 7; i++) expect(s.pieces[i]).toBe(game.stat(i));
    expect(s.totalPieces).toBe(game.pieceCount);
    expect(s.lines).toBe(game.lines);
  });

  it('reads a Tetris as one clear of four rows', () => {
    const rows = ['#########.', '#########.', '#########.', '#########.'];
    // I vertical ($11) in column 9 above the gap.
    const game = gameWith({ orientation: 0x11, x: 9, y: 5, autorepeatY: 0, vramRow: 32, rows });
    const events: StatEvent[] = [];
    for (let f = 0; f < 800; f++) events.push(...statEventsOf(game.step(0), game));
    expect(game.lines).toBe(4);
    expect(events.filter((e) => e.kind === 'clear')).toEqual([{ kind: 'clear', lines: 4 }]);
    expect(gameStats(events, game.frame, FPS)).toMatchObject({ tetrisRate: 1, burns: 0 });
  });

  it('ignores a spawn read while the piece is hidden', () => {
    expect(statEventsOf(GameEvent.Spawn, { pieceTypeIndex: -1, lastClearCount: 0 })).toEqual([]);
  });
});
