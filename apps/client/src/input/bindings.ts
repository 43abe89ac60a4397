import { ACTIONS, isAction, type Action } from './actions.ts';

/** Keyboard bindings: per action, the `KeyboardEvent.code`s that trigger it (layout-independent). */
export type Bindings = Readonly<Record<Action, readonly string[]>>;

/** Most keys one action may have. */
export const MAX_KEYS_PER_ACTION = 4;

/** The defaults: arrows or WASD move, Up/X rotate clockwise, Z counter-clockwise, Enter, Space or P. */
export const DEFAULT_BINDINGS: Bindings = {
  left: ['ArrowLeft', 'KeyA'],
  right: ['ArrowRight', 'KeyD'],
  down: ['ArrowDown', 'KeyS'],
  rotateCw: ['ArrowUp', 'KeyX', 'KeyW'],
  rotateCcw: ['KeyZ'],
  select: ['Enter'],
  pause: ['Space', 'KeyP'],
};

/**
 * Keys a game never takes: Tab and Shift+Tab move between controls, Escape pauses and cancels, the
 * function and system keys belong to the browser and the OS. Binding one would trap keyboard users.
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set([
  'Tab',
  'Escape',
  'MetaLeft',
  'MetaRight',
  'OSLeft',
  'OSRight',
  'AltLeft',
  'AltRight',
  'ControlLeft',
  'ControlRight',
  'CapsLock',
  'ContextMenu',
  'PrintScreen',
  ...Array.from({ length: 12 }, (_, i) => `F${i + 1}`),
]);

const CODE_PATTERN = /^[A-Za-z][A-Za-z0-9]{0,31}$/;

/**
 * Validates untrusted bindings (parsed JSON): every action present with 1..4 well-formed key codes
 * and no key bound twice. Returns the bindings or null, never throws.
 */
export function validateBindings(data: unknown): Bindings | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const o = data as Record<string, unknown>;
  if (Object.keys(o).some((k) => !isAction(k))) return null;
  const seen = new Set<string>();
  const out = {} as Record<Action, readonly string[]>;
  for (const action of ACTIONS) {
    const keys = o[action];
    if (!Array.isArray(keys) || keys.length < 1 || keys.length > MAX_KEYS_PER_ACTION) return null;
    for (const k of keys) {
      if (typeof k !== 'string' || !CODE_PATTERN.test(k) || RESERVED_KEYS.has(k) || seen.has(k))
        return null;
      seen.add(k);
    }
    out[action] = [...(keys as string[])];
  }
  return out;
}

/**
 * Binds `code` as the primary key of `action`: it moves to the front of that action's list and is
 * removed from any other action. An action robbed of its only key takes over `action`'s old primary
 * key (a swap), so every action keeps at least one key.
 */
export function rebind(bindings: Bindings, action: Action, code: string): Bindings {
  const previous = bindings[action][0];
  const out = {} as Record<Action, string[]>;
  for (const a of ACTIONS) out[a] = bindings[a].filter((k) => k !== code);
  out[action] = [code, ...out[action]].slice(0, MAX_KEYS_PER_ACTION);
  for (const a of ACTIONS) {
    if (out[a].length > 0 || previous === undefined) continue;
    out[action] = out[action].filter((k) => k !== previous);
    out[a] = [previous];
  }
  return out;
}

/** A reverse index: key code to action, for the keyboard handler. */
export function keyIndex(bindings: Bindings): ReadonlyMap<string, Action> {
  const m = new Map<string, Action>();
  for (const a of ACTIONS) for (const k of bindings[a]) if (!m.has(k)) m.set(k, a);
  return m;
}

const KEY_NAMES: Readonly<Record<string, string>> = {
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
  Space: 'Space',
  Enter: 'Enter',
  Escape: 'Esc',
  ShiftLeft: 'Left Shift',
  ShiftRight: 'Right Shift',
  ControlLeft: 'Left Ctrl',
  ControlRight: 'Right Ctrl',
};

/** A short readable name for a key code ("KeyZ" -> "Z", "Digit1" -> "1", "ArrowUp" -> "↑"). */
export function keyName(code: string): string {
  const named = KEY_NAMES[code];
  if (named !== undefined) return named;
  const m = /^(?:Key|Digit|Numpad)(.+)$/.exec(code);
  return m ? m[1]! : code;
}
