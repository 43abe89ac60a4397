import { describe, expect, it } from 'vitest';
import { InputLatch } from './input-latch.ts';

describe('InputLatch', () => {
  it('samples what is held', () => {
    const l = new InputLatch();
    l.hold('ArrowLeft', 1);
    expect(l.sample()).toBe(1);
    expect(l.sample()).toBe(1);
    l.release('ArrowLeft');
    expect(l.sample()).toBe(0);
  });

  it('a tap between two frames still reaches one frame', () => {
    const l = new InputLatch();
    l.hold('KeyX', 8);
    l.release('KeyX');
    expect(l.held).toBe(0);
    expect(l.sample()).toBe(8);
    expect(l.sample()).toBe(0);
  });

  it('keeps an action held by another source', () => {
    const l = new InputLatch();
    l.hold('ArrowLeft', 1);
    l.hold('touch:left', 1);
    l.release('ArrowLeft');
    expect(l.sample()).toBe(1);
    l.release('touch:left');
    expect(l.sample()).toBe(0);
  });

  it('a polled source replaces its mask', () => {
    const l = new InputLatch();
    l.hold('pad', 1 | 4);
    expect(l.sample()).toBe(5);
    l.hold('pad', 4);
    expect(l.sample()).toBe(4);
    l.hold('pad', 0);
    expect(l.sample()).toBe(0);
  });

  it('clear drops held and latched presses', () => {
    const l = new InputLatch();
    l.hold('a', 2);
    l.clear();
    expect(l.sample()).toBe(0);
  });
});
