import type { ReplayTheater } from './replay-theater.ts';

/** What a theater shortcut does. */
export type TheaterKeyAction =
  | 'toggle'
  | 'frameBack'
  | 'frameNext'
  | 'markBack'
  | 'markNext'
  | 'slower'
  | 'faster'
  | 'start'
  | 'end';

const KEYS: Readonly<Record<string, TheaterKeyAction>> = {
  ' ': 'toggle',
  k: 'toggle',
  K: 'toggle',
  ',': 'frameBack',
  ArrowLeft: 'frameBack',
  '.': 'frameNext',
  ArrowRight: 'frameNext',
  '[': 'markBack',
  ']': 'markNext',
  '-': 'slower',
  '+': 'faster',
  '=': 'faster',
  Home: 'start',
  End: 'end',
};

/** The shortcut of a key (`KeyboardEvent.key`), or null. */
export function theaterKey(key: string): TheaterKeyAction | null {
  return KEYS[key] ?? null;
}

/** Runs a shortcut on a theater. */
export function runTheaterKey(t: ReplayTheater, action: TheaterKeyAction): void {
  switch (action) {
    case 'toggle':
      return t.toggle();
    case 'frameBack':
      return t.step(-1);
    case 'frameNext':
      return t.step(1);
    case 'markBack':
      t.jump(-1);
      return;
    case 'markNext':
      t.jump(1);
      return;
    case 'slower':
      return t.changeSpeed(-1);
    case 'faster':
      return t.changeSpeed(1);
    case 'start':
      return t.seek(0);
    case 'end':
      return t.seek(t.timeline.length);
    default: {
      const never: never = action;
      throw new Error(`unknown theater key ${String(never)}`);
    }
  }
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA') return true;
  return target instanceof HTMLInputElement && !['range', 'button', 'file'].includes(target.type);
}

/**
 * Listens for the theater's shortcuts on `win` before anything else does (capture phase), and keeps
 * them from reaching the focused control: Space plays or pauses even with a button focused, it never
 * presses that button. Arrow keys are left to a focused list (the speed menu). Returns the detach
 * function.
 */
export function attachTheaterKeys(win: Window, theater: () => ReplayTheater | null): () => void {
  const onKey = (e: KeyboardEvent): void => {
    const t = theater();
    if (t === null || e.ctrlKey || e.metaKey || e.altKey || isTextField(e.target)) return;
    const action = theaterKey(e.key);
    if (action === null) return;
    if (e.target instanceof HTMLSelectElement && e.key.startsWith('Arrow')) return;
    // Both halves of the press are the theater's: a button is clicked by Space's keyup.
    e.preventDefault();
    e.stopImmediatePropagation();
    if (e.type !== 'keydown' || (e.repeat && action === 'toggle')) return;
    runTheaterKey(t, action);
  };
  win.addEventListener('keydown', onKey, { capture: true });
  win.addEventListener('keyup', onKey, { capture: true });
  return () => {
    win.removeEventListener('keydown', onKey, { capture: true });
    win.removeEventListener('keyup', onKey, { capture: true });
  };
}
