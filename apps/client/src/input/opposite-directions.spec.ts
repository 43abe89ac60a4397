import { Button } from '@tengen/engine';
import { describe, expect, it } from 'vitest';
import { ACTION_BIT } from './actions.ts';
import { InputHub } from './input-hub.ts';
import { InputLatch } from './input-latch.ts';
import { lastPressedWins } from './opposite-directions.ts';

const { left: L, right: R, down: D, rotateCw: A } = ACTION_BIT;

// A keyboard holds Left and Right at once; a NES d-pad cannot. The client sends the one pressed
// last, so the engine (which stays faithful to the ROM for any input, Down+Left+Right's lost frame
// included) only ever gets d-pad input from this page.
describe('opposite directions from a keyboard: last pressed wins', () => {
  it('the direction pressed last is the one sent, and the other comes back on release', () => {
    const l = new InputLatch();
    l.hold('ArrowLeft', L);
    expect(l.sample()).toBe(L);
    l.hold('ArrowRight', R);
    expect(l.sample()).toBe(R);
    l.release('ArrowRight');
    expect(l.sample()).toBe(L); // Left is still held: a new Left press for the engine
    l.hold('ArrowRight', R);
    l.release('ArrowLeft');
    l.hold('ArrowLeft', L);
    expect(l.sample()).toBe(L);
  });

  it('never sends Down+Left+Right, so the page cannot halve the game speed', () => {
    const hub = new InputHub(null);
    hub.latch.hold('ArrowDown', D);
    hub.latch.hold('ArrowLeft', L);
    hub.latch.hold('ArrowRight', R);
    const b = hub.sampleButtons();
    expect(b).toBe(Button.Down | Button.Right);
    expect(b).not.toBe(Button.Down | Button.Left | Button.Right);
  });

  it('keeps the other buttons, and a tap of the other direction between frames still counts', () => {
    const l = new InputLatch();
    l.hold('ArrowLeft', L);
    l.hold('KeyX', A);
    l.hold('ArrowRight', R);
    l.release('ArrowRight'); // tapped within one frame
    expect(l.sample()).toBe(R | A);
    expect(l.sample()).toBe(L | A);
  });

  it('counts sources apart: a pad stick against its d-pad, touch against a key', () => {
    const l = new InputLatch();
    l.hold('gamepad', L);
    l.hold('gamepad', L | R); // the stick pushed right while the d-pad holds left
    expect(l.sample()).toBe(R);
    l.hold('touch:left', L);
    expect(l.sample()).toBe(L);
  });

  it('lastPressedWins leaves masks without both directions alone', () => {
    for (const m of [0, L, R, D | L, A | R]) expect(lastPressedWins(m, R)).toBe(m);
    expect(lastPressedWins(L | R | D, L)).toBe(L | D);
  });
});
