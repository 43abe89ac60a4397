import { describe, expect, it } from 'vitest';
import { ACTION_BIT } from './actions.ts';
import { InputHub } from './input-hub.ts';
import type { PadState } from './gamepad-map.ts';

// Frame 0: the engine counts frame 0's buttons as newly pressed (nothing is held before a game).
// The ROM would not count a button held from its menu into the first frame as new; this page never
// holds one into frame 0 instead: the game starts by clearing the latch (keys and touch then need a
// new press: key repeats are ignored), and a pad button held when the game took the keys waits for
// its release. So every button on frame 0 was pressed after the start, as new in the ROM too.
function pads(pressed: number[]): Navigator {
  const pad: PadState = {
    mapping: 'standard',
    axes: [0, 0],
    buttons: Array.from({ length: 17 }, (_, i) => ({ pressed: pressed.includes(i) })),
  };
  return { getGamepads: () => [pad] } as unknown as Navigator;
}
const PAD_LEFT = 14;
const PAD_A = 0;

describe('frame 0 never inherits a button held before the start', () => {
  it('a pad button held from the menus counts only after it is released and pressed again', () => {
    const hub = new InputHub(null);
    hub.pollGamepads(pads([PAD_LEFT])); // in the level menu
    hub.latch.clear(); // the game starts ...
    hub.gameKeys = true; // ... and takes the keys
    hub.pollGamepads(pads([PAD_LEFT]));
    expect(hub.latch.sample()).toBe(0);
    hub.pollGamepads(pads([PAD_LEFT, PAD_A])); // a new press counts at once
    expect(hub.latch.sample()).toBe(ACTION_BIT.rotateCw);
    hub.pollGamepads(pads([]));
    hub.pollGamepads(pads([PAD_LEFT]));
    expect(hub.latch.sample()).toBe(ACTION_BIT.left);
  });

  it('a key held across the start is dropped until pressed again', () => {
    const hub = new InputHub(null);
    hub.latch.hold('ArrowLeft', ACTION_BIT.left);
    hub.latch.clear();
    hub.gameKeys = true;
    expect(hub.latch.sample()).toBe(0);
  });

  it('buttons pressed during the game are untouched', () => {
    const hub = new InputHub(null);
    hub.gameKeys = true;
    hub.pollGamepads(pads([PAD_LEFT]));
    expect(hub.latch.sample()).toBe(ACTION_BIT.left);
  });
});
