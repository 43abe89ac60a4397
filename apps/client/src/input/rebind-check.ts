import { ACTION_LABEL, ACTIONS, type Action } from './actions.ts';
import { RESERVED_KEYS, keyName, rebind, type Bindings } from './bindings.ts';

/** The outcome of a key press on the Controls screen, with the sentence the player reads. */
export type RebindResult =
  { ok: false; message: string } | { ok: true; bindings: Bindings; message: string };

/**
 * Binds `code` to `action` unless the key is reserved, and says in words what changed: the new key,
 * the action it was taken from, and any action that took over the old key in a swap.
 */
export function checkedRebind(bindings: Bindings, action: Action, code: string): RebindResult {
  const key = keyName(code);
  if (RESERVED_KEYS.has(code))
    return {
      ok: false,
      message: `${key} is kept for the browser and keyboard navigation; choose another key.`,
    };
  const next = rebind(bindings, action, code);
  const parts = [`${ACTION_LABEL[action]}: ${key}.`];
  const from = ACTIONS.find((a) => a !== action && bindings[a].includes(code));
  if (from !== undefined) parts.push(`${key} no longer does “${ACTION_LABEL[from]}”.`);
  for (const a of ACTIONS) {
    if (a === action) continue;
    const gained = next[a].filter((k) => !bindings[a].includes(k));
    if (gained.length > 0)
      parts.push(`“${ACTION_LABEL[a]}” moved to ${gained.map(keyName).join(' / ')}.`);
  }
  return { ok: true, bindings: next, message: parts.join(' ') };
}
