import { describe, expect, it } from 'vitest';
import { validateName } from './name.ts';

describe('validateName', () => {
  it('trims and collapses spaces', () => {
    expect(validateName('  Ann  Lee_2-x ')).toEqual({ ok: true, name: 'Ann Lee_2-x' });
    expect(validateName('x'.repeat(16))).toEqual({ ok: true, name: 'x'.repeat(16) });
  });

  it.each([
    ['', /empty/],
    ['    ', /empty/],
    ['x'.repeat(17), /longer than 16/],
    ['x'.repeat(5000), /longer than 16/],
    ['ann<script>', /only contain letters.*found "<"/],
    ['zoë', /found "ë"/],
    ['tab\there', /found "\\t"/],
    [42, /must be text/],
  ])('refuses %j', (raw, error) => {
    const result = validateName(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });
});
