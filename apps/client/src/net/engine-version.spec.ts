import { ENGINE_VERSION, ENGINE_VERSIONS } from '@tengen/engine';
import { describe, expect, it } from 'vitest';
import { OUTDATED_PAGE_MESSAGE, serverEngineVersion } from './engine-version.ts';

describe('serverEngineVersion', () => {
  it('takes every version this page runs, the current one included', () => {
    for (const v of ENGINE_VERSIONS) expect(serverEngineVersion(v)).toBe(v);
    expect(serverEngineVersion(ENGINE_VERSION)).toBe(2);
  });

  it.each([3, 0, '2', undefined, null, 2.5])('refuses %s with words a player understands', (v) => {
    expect(() => serverEngineVersion(v)).toThrow(OUTDATED_PAGE_MESSAGE);
  });
});
