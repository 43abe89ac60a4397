import { describe, expect, it } from 'vitest';
import { ACTION_BIT } from './actions.ts';
import { MENU_KEYS, padActions, padMenuKeys, type PadState } from './gamepad-map.ts';

function pad(pressed: number[], axes: number[] = [0, 0], mapping = 'standard'): PadState {
  return {
    mapping,
    axes,
    buttons: Array.from({ length: 17 }, (_, i) => ({ pressed: pressed.includes(i) })),
  };
}

describe('padActions', () => {
  it('maps the d-pad, face buttons, start and select', () => {
    expect(padActions(pad([14]))).toBe(ACTION_BIT.left);
    expect(padActions(pad([15, 13]))).toBe(ACTION_BIT.right | ACTION_BIT.down);
    expect(padActions(pad([0]))).toBe(ACTION_BIT.rotateCw);
    expect(padActions(pad([1]))).toBe(ACTION_BIT.rotateCcw);
    expect(padActions(pad([9]))).toBe(ACTION_BIT.pause);
    expect(padActions(pad([8]))).toBe(ACTION_BIT.select);
  });

  it('reads the left stick past the threshold', () => {
    expect(padActions(pad([], [-0.9, 0]))).toBe(ACTION_BIT.left);
    expect(padActions(pad([], [0.3, 0.2]))).toBe(0);
    expect(padActions(pad([], [0.6, 0.7]))).toBe(ACTION_BIT.right | ACTION_BIT.down);
  });

  it('uses only axes and the first two buttons on a non-standard pad', () => {
    expect(padActions(pad([9, 14], [0, 0], ''))).toBe(0);
    expect(padActions(pad([0], [-1, 0], ''))).toBe(ACTION_BIT.rotateCw | ACTION_BIT.left);
  });

  it('copes with missing buttons and axes', () => {
    expect(padActions({ mapping: 'standard', buttons: [], axes: [] })).toBe(0);
  });
});

describe('padMenuKeys', () => {
  const names = (m: number): string[] => MENU_KEYS.filter((_, i) => m & (1 << i));
  it('maps the d-pad, stick and A to menu keys', () => {
    expect(names(padMenuKeys(pad([12])))).toEqual(['ArrowUp']);
    expect(names(padMenuKeys(pad([], [0.9, 0.8])))).toEqual(['ArrowDown', 'ArrowRight']);
    expect(names(padMenuKeys(pad([0, 14])))).toEqual(['ArrowLeft', 'Enter']);
    expect(padMenuKeys(pad([]))).toBe(0);
  });
});
