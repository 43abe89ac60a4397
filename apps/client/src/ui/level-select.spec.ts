import { describe, expect, it } from 'vitest';
import { moveCursor } from './level-select.ts';

describe('moveCursor', () => {
  it('moves by one horizontally and by a row vertically', () => {
    expect(moveCursor(7, 'ArrowRight')).toBe(8);
    expect(moveCursor(7, 'ArrowLeft')).toBe(6);
    expect(moveCursor(7, 'ArrowDown')).toBe(12);
    expect(moveCursor(7, 'ArrowUp')).toBe(2);
    expect(moveCursor(7, 'KeyD')).toBe(8);
  });

  it('stays inside 0..19', () => {
    expect(moveCursor(0, 'ArrowLeft')).toBe(0);
    expect(moveCursor(2, 'ArrowUp')).toBe(2);
    expect(moveCursor(19, 'ArrowRight')).toBe(19);
    expect(moveCursor(17, 'ArrowDown')).toBe(17);
  });

  it('ignores other keys', () => {
    expect(moveCursor(4, 'Enter')).toBe(4);
  });
});
