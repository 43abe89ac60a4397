/** Attribute values `h` accepts: strings/numbers are set, `true` sets an empty attribute, false/undefined skip. */
type AttrValue = string | number | boolean | undefined | null | ((ev: Event) => void);

/** Children `h` accepts; null/false/undefined are skipped, strings become text nodes. */
export type Child = Node | string | number | null | undefined | false;

/**
 * Creates an element: `h('button', { type: 'button', onclick: f, 'data-testid': 'x' }, 'Label')`.
 * Keys starting with "on" add listeners; text is always set as text (never parsed as HTML).
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, AttrValue> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

/** Appends children (see `Child`). */
export function append(el: Element, children: readonly Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'number' ? String(c) : c);
  }
}

/** Sets an element's text only when it changed (the HUD mirror updates every frame). */
export function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/** A heading, paragraph and buttons, the shape of most panels. */
export function panel(testId: string, title: string, ...children: Child[]): HTMLElement {
  return h(
    'section',
    { class: 'panel', 'data-testid': testId, 'aria-labelledby': `${testId}-title` },
    h('h2', { id: `${testId}-title`, tabindex: -1 }, title),
    ...children,
  );
}

/** A button with a label and a click handler. */
export function button(
  label: string,
  onClick: () => void,
  attrs: Record<string, AttrValue> = {},
): HTMLButtonElement {
  return h('button', { type: 'button', ...attrs, onclick: () => onClick() }, label);
}
