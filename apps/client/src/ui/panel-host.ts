/**
 * The overlay area over the canvas where screens put their HTML (menus, forms, tables). Showing a
 * panel replaces the previous one and moves focus into it, so keyboard and screen-reader users
 * land on the new screen.
 */
export class PanelHost {
  readonly #root: HTMLElement;

  constructor(root: HTMLElement) {
    this.#root = root;
  }

  /** Shows `node` (or nothing) and focuses its `[autofocus]` element, else its heading. */
  show(node: HTMLElement | null, opts: { focus?: boolean } = {}): void {
    this.#root.replaceChildren(...(node ? [node] : []));
    this.#root.classList.remove('compact');
    this.#root.hidden = node === null;
    if (node !== null && opts.focus !== false) {
      const target =
        node.querySelector<HTMLElement>('[autofocus]') ?? node.querySelector<HTMLElement>('h2');
      target?.focus({ preventScroll: true });
    }
  }

  /** Moves the panel out of the well's way (a slim bar under the game, e.g. while a replay plays). */
  compact(on: boolean): void {
    this.#root.classList.toggle('compact', on);
  }

  /** True when a panel is shown. */
  get visible(): boolean {
    return !this.#root.hidden;
  }
}
