import { ACTION_BIT, type Action } from '../input/actions.ts';
import type { InputHub } from '../input/input-hub.ts';
import { h } from './dom.ts';

const PAD: readonly { action: Action; label: string; name: string; area: string }[] = [
  { action: 'left', label: '◀', name: 'Left', area: 'left' },
  { action: 'right', label: '▶', name: 'Right', area: 'right' },
  { action: 'down', label: '▼', name: 'Down', area: 'down' },
  { action: 'rotateCcw', label: 'B', name: 'Rotate counter-clockwise', area: 'b' },
  { action: 'rotateCw', label: 'A', name: 'Rotate clockwise', area: 'a' },
];

/** True on touch-first devices (coarse pointer), where the on-screen pad is shown. */
export function prefersTouch(win: Window): boolean {
  return (
    win.matchMedia?.('(pointer: coarse)').matches === true ||
    (win.navigator.maxTouchPoints ?? 0) > 0
  );
}

/**
 * The on-screen d-pad, A/B and pause buttons. Pointer events hold actions in the input latch under
 * their own ids (so a finger and a key never release each other); multi-touch works per button.
 */
export function touchControls(hub: InputHub): HTMLElement {
  const hold =
    (action: Action) =>
    (e: Event): void => {
      e.preventDefault();
      hub.latch.hold(`touch:${action}`, ACTION_BIT[action]);
    };
  const release =
    (action: Action) =>
    (e: Event): void => {
      e.preventDefault();
      hub.latch.release(`touch:${action}`);
    };
  const buttons = PAD.map((p) =>
    h(
      'button',
      {
        type: 'button',
        class: `touch-btn touch-${p.area}`,
        'aria-label': p.name,
        'data-testid': `touch-${p.area}`,
        onpointerdown: hold(p.action),
        onpointerup: release(p.action),
        onpointercancel: release(p.action),
        onpointerleave: release(p.action),
        oncontextmenu: (e: Event) => e.preventDefault(),
      },
      p.label,
    ),
  );
  const pause = h(
    'button',
    {
      type: 'button',
      class: 'touch-btn touch-pause',
      'aria-label': 'Pause',
      'data-testid': 'touch-pause',
      onclick: () => hub.command('pause'),
    },
    // Bars, not the letters "II": a visible label that is a word must be part of the name.
    '❚❚',
  );
  const [left, right, down, b, a] = buttons;
  return h(
    'div',
    {
      class: 'touch-controls',
      'data-testid': 'touch-controls',
      role: 'group',
      'aria-label': 'Touch controls',
    },
    h('div', { class: 'touch-dpad' }, left, down, right),
    pause,
    h('div', { class: 'touch-ab' }, b, a),
  );
}
