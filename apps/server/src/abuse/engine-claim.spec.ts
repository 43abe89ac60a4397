import { ENGINE_VERSION } from '@tengen/engine';
import { MATCHMAKE_REFUSAL } from '@tengen/protocol';
import { describe, expect, it } from 'vitest';
import { otherEngineClaim } from './engine-claim.ts';

describe('otherEngineClaim', () => {
  it('lets in a page that plays the current rules, or states none', () => {
    expect(otherEngineClaim({ engineVersion: ENGINE_VERSION })).toBeNull();
    expect(otherEngineClaim({})).toBeNull();
    expect(otherEngineClaim(undefined)).toBeNull();
    expect(otherEngineClaim({ private: true })).toBeNull();
  });

  it.each([1, 3, '2', null, { v: 2 }])('refuses a page claiming %j', (engineVersion) => {
    expect(otherEngineClaim({ engineVersion })).toMatchObject({
      reason: 'otherEngine',
      code: MATCHMAKE_REFUSAL.otherEngine,
    });
  });
});
