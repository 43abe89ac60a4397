import { describe, expect, it } from 'vitest';
import { DEFAULT_BINDINGS } from './bindings.ts';
import { keyHints } from './key-hints.ts';
import { checkedRebind } from './rebind-check.ts';

describe('keyHints', () => {
  it('lists the default keys', () => {
    expect(keyHints(DEFAULT_BINDINGS)).toBe(
      '← / A and → / D move · ↑ / X / W and Z rotate · ↓ / S drops · Space / P or Esc pauses',
    );
  });

  it('follows a rebinding', () => {
    const r = checkedRebind(DEFAULT_BINDINGS, 'rotateCw', 'Space');
    if (!r.ok) throw new Error(r.message);
    expect(keyHints(r.bindings)).toBe(
      '← / A and → / D move · Space / ↑ / X / W and Z rotate · ↓ / S drops · P or Esc pauses',
    );
  });
});
