import { ACTION_BIT, actionsToButtons, type Action } from './actions.ts';
import { keyIndex, type Bindings } from './bindings.ts';
import { loadBindings, saveBindings, type KeyValueStore } from './bindings-store.ts';
import { MENU_KEYS, padActions, padMenuKeys, type MenuKey } from './gamepad-map.ts';
import { InputLatch } from './input-latch.ts';

/**
 * Edge-triggered commands the app reacts to (not engine buttons). `hidden`: the page went to the
 * background (another tab, a phone call), where the browser stops the game's frames: a running game
 * pauses, as a ranked game may not fall behind real time.
 */
export type Command = 'pause' | 'select' | 'hidden';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function isActivatable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && ['BUTTON', 'A', 'SUMMARY'].includes(target.tagName);
}

/**
 * Collects keyboard, gamepad and touch input into one `InputLatch` (held actions sampled once per
 * engine frame) and turns pause/select presses into commands. Bindings are loaded from and saved to
 * storage here.
 */
export class InputHub {
  readonly latch = new InputLatch();
  readonly #store: KeyValueStore | null;
  #bindings: Bindings;
  #index: ReadonlyMap<string, Action>;
  #listeners = new Set<(c: Command) => void>();
  #capture: ((code: string) => void) | null = null;
  #padPrev = 0;
  #menuPrev = 0;
  /** Pad actions held when the game took the keys: they count only after a release. */
  #padBlocked = 0;
  /** Receives gamepad menu keys while no game runs (see ui/menu-nav.ts). */
  onMenuKey: ((key: MenuKey) => void) | null = null;
  /** When true, bound keys are the game's: their default actions (scrolling, clicking) are stopped. */
  gameKeys = false;

  constructor(store: KeyValueStore | null) {
    this.#store = store;
    this.#bindings = loadBindings(store);
    this.#index = keyIndex(this.#bindings);
  }

  get bindings(): Bindings {
    return this.#bindings;
  }

  /** Replaces and saves the key bindings; returns false if storage refused. */
  setBindings(b: Bindings): boolean {
    this.#bindings = b;
    this.#index = keyIndex(b);
    this.latch.clear();
    return saveBindings(this.#store, b);
  }

  /** Subscribes to commands; returns the unsubscribe function. */
  onCommand(fn: (c: Command) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  /** Hands the next key press to `fn` (the Controls screen's "press a key"); Escape cancels. */
  captureNextKey(fn: (code: string | null) => void): () => void {
    this.#capture = (code) => fn(code === 'Escape' ? null : code);
    return () => {
      this.#capture = null;
    };
  }

  /** Listens on `win` for keys and focus loss. */
  attach(win: Window): void {
    win.addEventListener('keydown', (e) => this.#keyDown(e));
    win.addEventListener('keyup', (e) => this.latch.release(e.code));
    win.addEventListener('blur', () => this.latch.clear());
  }

  /** The engine buttons for the frame about to be stepped. */
  sampleButtons(): number {
    return actionsToButtons(this.latch.sample());
  }

  /** Emits a command as if its key had been pressed (touch pad, tests). */
  command(c: Command): void {
    for (const fn of [...this.#listeners]) fn(c);
  }

  /** Reads connected gamepads (call once per display frame). */
  pollGamepads(nav: Navigator | undefined = globalThis.navigator): void {
    const pads = nav?.getGamepads?.() ?? [];
    let mask = 0;
    let menu = 0;
    for (const p of pads) {
      if (!p) continue;
      mask |= padActions(p);
      menu |= padMenuKeys(p);
    }
    const rising = mask & ~this.#padPrev;
    this.#padPrev = mask;
    const menuRising = menu & ~this.#menuPrev;
    this.#menuPrev = menu;
    // In menus the pad navigates the HTML controls; in a game its buttons are game input. A button
    // still held from the menus stays out of the game until released (as a held key does: the
    // latch is cleared at the start and key repeats are ignored), so frame 0 never inherits one.
    this.#padBlocked = this.gameKeys ? this.#padBlocked & mask : mask;
    const game = mask & ~this.#padBlocked & ~(ACTION_BIT.pause | ACTION_BIT.select);
    this.latch.hold('gamepad', this.gameKeys ? game : 0);
    if (!this.gameKeys && this.onMenuKey !== null)
      MENU_KEYS.forEach((k, i) => menuRising & (1 << i) && this.onMenuKey?.(k));
    // Start pauses a game and, like on the NES title, starts things from the menus.
    if (rising & ACTION_BIT.pause) this.command(this.gameKeys ? 'pause' : 'select');
    if (rising & ACTION_BIT.select) this.command('select');
  }

  #keyDown(e: KeyboardEvent): void {
    if (this.#capture !== null) {
      e.preventDefault();
      const cb = this.#capture;
      this.#capture = null;
      cb(e.code);
      return;
    }
    if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
    // Escape pauses (and resumes) any running game; it can never be bound (RESERVED_KEYS).
    if (this.gameKeys && e.code === 'Escape') {
      e.preventDefault();
      if (!e.repeat) this.command('pause');
      return;
    }
    const action = this.#index.get(e.code);
    if (action === undefined) return;
    const bit = ACTION_BIT[action];
    const isCommand = action === 'pause' || action === 'select';
    // Enter/Space on a focused button activate it; only treat them as commands elsewhere.
    if (isCommand && isActivatable(e.target) && !this.gameKeys) return;
    if (this.gameKeys) e.preventDefault();
    if (isCommand) {
      if (!e.repeat) this.command(action);
      return;
    }
    if (!e.repeat) this.latch.hold(e.code, bit);
  }
}
