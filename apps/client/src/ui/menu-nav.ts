import type { MenuKey } from '../input/gamepad-map.ts';

const FOCUSABLE = 'button:not([disabled]), a[href], input:not([disabled])';

/**
 * Lets a gamepad drive the HTML menus: a direction is delivered as an arrow keydown to the focused
 * element (the level grid moves its cursor); if nothing handles it, up/left and down/right move focus
 * through the panel's controls. A (Enter) activates the focused control.
 */
export function menuKey(doc: Document, key: MenuKey, scope: HTMLElement): void {
  const active =
    doc.activeElement instanceof HTMLElement && scope.contains(doc.activeElement)
      ? doc.activeElement
      : null;
  if (key === 'Enter') {
    active?.click();
    return;
  }
  if (active !== null) {
    const ev = new KeyboardEvent('keydown', { key, code: key, bubbles: true, cancelable: true });
    if (!active.dispatchEvent(ev)) return; // handled (e.g. by the level grid)
  }
  const items = Array.from(scope.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (e) => e.offsetParent !== null || e === active,
  );
  if (items.length === 0) return;
  const at = active === null ? -1 : items.indexOf(active);
  const step = key === 'ArrowUp' || key === 'ArrowLeft' ? -1 : 1;
  const next = at < 0 ? 0 : Math.min(items.length - 1, Math.max(0, at + step));
  items[next]!.focus();
}
