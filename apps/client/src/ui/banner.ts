import { h } from './dom.ts';

/** Kinds of notice, which set the banner's colour and whether it stays. */
export type NoticeKind = 'info' | 'warning' | 'error';

/**
 * One-line notices above the game ("reconnecting…", "the server is restarting", errors) in a
 * `role="status"` region. A notice with an id replaces the previous one with the same id.
 */
export class Banner {
  readonly #root: HTMLElement;
  readonly #items = new Map<string, HTMLElement>();

  constructor(root: HTMLElement) {
    this.#root = root;
  }

  /** Shows (or replaces) notice `id`; `ms` > 0 hides it after that long. */
  show(id: string, text: string, kind: NoticeKind = 'info', ms = 0): void {
    this.hide(id);
    const el = h('p', { class: `notice notice-${kind}`, 'data-testid': `notice-${id}` }, text);
    this.#items.set(id, el);
    this.#root.append(el);
    if (ms > 0) setTimeout(() => this.#items.get(id) === el && this.hide(id), ms);
  }

  /** Removes notice `id`. */
  hide(id: string): void {
    this.#items.get(id)?.remove();
    this.#items.delete(id);
  }

  /** Removes every notice. */
  clear(): void {
    for (const id of [...this.#items.keys()]) this.hide(id);
  }
}
