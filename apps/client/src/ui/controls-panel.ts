import { ACTION_LABEL, ACTIONS, type Action } from '../input/actions.ts';
import { DEFAULT_BINDINGS, keyName } from '../input/bindings.ts';
import type { InputHub } from '../input/input-hub.ts';
import { checkedRebind } from '../input/rebind-check.ts';
import { button, h, panel } from './dom.ts';

/**
 * The Controls screen: each action with its keys and a "Change" button that waits for a key press
 * (Escape cancels; Tab and other reserved keys are refused with a reason). Changes are saved to localStorage at once; gamepad and touch layouts are listed.
 */
export function controlsPanel(hub: InputHub, onBack: () => void): HTMLElement {
  const rows = h('tbody');
  const status = h('p', { class: 'status', role: 'status', 'data-testid': 'controls-status' }, '');
  let stopCapture: (() => void) | null = null;

  const render = (): void => {
    rows.replaceChildren(
      ...ACTIONS.map((a) =>
        h(
          'tr',
          { 'data-action': a },
          h('th', { scope: 'row' }, ACTION_LABEL[a]),
          h('td', { 'data-testid': `binding-${a}` }, hub.bindings[a].map(keyName).join(' / ')),
          h(
            'td',
            {},
            button('Change', () => capture(a), {
              'data-testid': `rebind-${a}`,
              'aria-label': `Change ${ACTION_LABEL[a]}`,
            }),
          ),
        ),
      ),
    );
  };

  const capture = (a: Action): void => {
    stopCapture?.();
    status.textContent = `Press a key for “${ACTION_LABEL[a]}” (Escape cancels)…`;
    stopCapture = hub.captureNextKey((code) => {
      stopCapture = null;
      if (code === null) {
        status.textContent = 'Unchanged.';
      } else {
        // Reserved keys (Tab, Escape, F5...) are refused; a swap is spelled out.
        const r = checkedRebind(hub.bindings, a, code);
        const saved = r.ok && hub.setBindings(r.bindings);
        status.textContent = !r.ok
          ? r.message
          : `${r.message}${saved ? ' Saved.' : ' (Could not be saved in this browser.)'}`;
      }
      render();
      rows.querySelector<HTMLElement>(`[data-testid="rebind-${a}"]`)?.focus();
    });
  };

  render();
  return panel(
    'controls',
    'Controls',
    h(
      'table',
      { class: 'bindings' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Action'),
          h('th', { scope: 'col' }, 'Keys'),
          h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Change')),
        ),
      ),
      rows,
    ),
    status,
    h(
      'p',
      { class: 'hint' },
      'Gamepad: d-pad or stick moves, A rotates clockwise, B counter-clockwise, Start pauses. Touch screens show an on-screen pad.',
    ),
    h(
      'div',
      { class: 'actions' },
      button(
        'Reset to defaults',
        () => {
          stopCapture?.();
          hub.setBindings(DEFAULT_BINDINGS);
          status.textContent = 'Defaults restored.';
          render();
        },
        { 'data-testid': 'controls-reset' },
      ),
      button(
        'Back',
        () => {
          stopCapture?.();
          onBack();
        },
        { autofocus: true, 'data-testid': 'controls-back' },
      ),
    ),
  );
}
