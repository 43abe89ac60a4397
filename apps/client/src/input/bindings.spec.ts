import { describe, expect, it } from 'vitest';
import { Button } from '@tengen/engine';
import { ACTION_BIT, ACTIONS, actionsToButtons } from './actions.ts';
import { DEFAULT_BINDINGS, keyIndex, keyName, rebind, validateBindings } from './bindings.ts';
import { memoryStore, refusingStore } from '../testing/memory-store.ts';
import { BINDINGS_KEY, loadBindings, saveBindings } from './bindings-store.ts';

describe('bindings', () => {
  it('defaults follow the original app', () => {
    const idx = keyIndex(DEFAULT_BINDINGS);
    expect(idx.get('ArrowLeft')).toBe('left');
    expect(idx.get('KeyA')).toBe('left');
    expect(idx.get('KeyD')).toBe('right');
    expect(idx.get('ArrowUp')).toBe('rotateCw');
    expect(idx.get('KeyX')).toBe('rotateCw');
    expect(idx.get('KeyZ')).toBe('rotateCcw');
    expect(idx.get('ArrowDown')).toBe('down');
    expect(idx.get('KeyS')).toBe('down');
    expect(idx.get('Enter')).toBe('select');
    expect(idx.get('Space')).toBe('pause');
    expect(validateBindings(DEFAULT_BINDINGS)).toEqual(DEFAULT_BINDINGS);
  });

  it('maps actions to engine buttons', () => {
    expect(actionsToButtons(ACTION_BIT.left | ACTION_BIT.rotateCw)).toBe(Button.Left | Button.A);
    expect(actionsToButtons(ACTION_BIT.rotateCcw | ACTION_BIT.down)).toBe(Button.B | Button.Down);
    expect(actionsToButtons(ACTION_BIT.pause | ACTION_BIT.select)).toBe(0);
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['a string', 'left'],
    ['a missing action', { ...DEFAULT_BINDINGS, pause: undefined }],
    ['an unknown action', { ...DEFAULT_BINDINGS, hardDrop: ['KeyQ'] }],
    ['an empty key list', { ...DEFAULT_BINDINGS, pause: [] }],
    ['a non-string key', { ...DEFAULT_BINDINGS, pause: [32] }],
    ['a malformed code', { ...DEFAULT_BINDINGS, pause: ['<script>'] }],
    ['a key bound twice', { ...DEFAULT_BINDINGS, pause: ['KeyZ'] }],
    ['too many keys', { ...DEFAULT_BINDINGS, pause: ['KeyQ', 'KeyE', 'KeyR', 'KeyT', 'KeyY'] }],
  ])('rejects %s', (_name, data) => {
    expect(validateBindings(data)).toBeNull();
  });

  it('rebinding moves a key to the action and off any other', () => {
    const b = rebind(DEFAULT_BINDINGS, 'pause', 'KeyP');
    expect(b.pause).toEqual(['KeyP', 'Space']);
    const c = rebind(b, 'rotateCcw', 'KeyX');
    expect(c.rotateCcw[0]).toBe('KeyX');
    expect(c.rotateCw).not.toContain('KeyX');
    expect(validateBindings(c)).toEqual(c);
  });

  it('an action robbed of its only key swaps with the rebound one', () => {
    const b = rebind(DEFAULT_BINDINGS, 'pause', 'KeyZ');
    expect(b.pause).toEqual(['KeyZ', 'KeyP']);
    expect(b.rotateCcw).toEqual(['Space']);
    expect(validateBindings(b)).toEqual(b);
  });

  it('names keys for people', () => {
    expect(keyName('KeyZ')).toBe('Z');
    expect(keyName('Digit7')).toBe('7');
    expect(keyName('ArrowUp')).toBe('↑');
    expect(keyName('Space')).toBe('Space');
    expect(keyName('F2')).toBe('F2');
  });
});

describe('bindings store', () => {
  it('round-trips through storage', () => {
    const s = memoryStore();
    const b = rebind(DEFAULT_BINDINGS, 'left', 'KeyJ');
    expect(saveBindings(s, b)).toBe(true);
    expect(loadBindings(s)).toEqual(b);
  });

  it.each([
    'not json',
    '{"left":"ArrowLeft"}',
    'null',
    '42',
    JSON.stringify({ ...DEFAULT_BINDINGS, down: ['KeyA'] }),
  ])('falls back to defaults on bad stored data %s', (raw) => {
    expect(loadBindings(memoryStore({ [BINDINGS_KEY]: raw }))).toEqual(DEFAULT_BINDINGS);
  });

  it('survives storage that throws or is missing', () => {
    const throwing = refusingStore;
    expect(loadBindings(throwing)).toEqual(DEFAULT_BINDINGS);
    expect(saveBindings(throwing, DEFAULT_BINDINGS)).toBe(false);
    expect(loadBindings(null)).toEqual(DEFAULT_BINDINGS);
    expect(saveBindings(null, DEFAULT_BINDINGS)).toBe(false);
  });

  it('every action has a label-worthy default', () => {
    for (const a of ACTIONS) expect(DEFAULT_BINDINGS[a].length).toBeGreaterThan(0);
  });
});
