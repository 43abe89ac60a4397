import { describe, expect, it } from 'vitest';
import { parseClientMessage } from './schemas.ts';

const KEY = 'A'.repeat(20) + '_-' + 'z9'.repeat(10) + 'q';

describe('submit carries a name key', () => {
  it('accepts a submit without a key and with a well-formed key', () => {
    expect(parseClientMessage('submit', { name: 'ann' })).toEqual({
      ok: true,
      message: { type: 'submit', name: 'ann' },
    });
    expect(KEY).toHaveLength(43);
    expect(parseClientMessage('submit', { name: 'ann', key: KEY })).toMatchObject({ ok: true });
  });

  it('refuses huge, malformed or non-text keys without echoing them', () => {
    for (const key of [
      'x'.repeat(100_000),
      KEY + 'A',
      KEY.slice(1),
      `${KEY.slice(1)}=`,
      42,
      null,
    ]) {
      const r = parseClientMessage('submit', { name: 'ann', key });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error).toMatch(/^key: /);
        expect(r.error).not.toContain(String(key).slice(0, 20));
      }
    }
  });
});
