import { describe, expect, it } from 'vitest';
import { loadGoldenFixtures } from './fixtures/load-fixtures.ts';
import { parseReplay } from './replay-parse.ts';
import { runReplay } from './replay-run.ts';

// Bot games recorded by libs/bot/bin/record-golden.ts, each re-run under its own rules version. A
// failure here means a rule changed: if on purpose, add an engine version (libs/engine/README.md);
// a stored fixture is never regenerated under other rules.
const fixtures = loadGoldenFixtures();

describe('golden replays', () => {
  it('has fixtures for several start levels, including a 108,000-frame game', () => {
    const levels = new Set(fixtures.map((f) => (f.replay as { startLevel: number }).startLevel));
    expect([...levels].sort((a, b) => a - b)).toEqual(
      expect.arrayContaining([0, 9, 15, 18, 19, 29]),
    );
    expect(fixtures.some((f) => f.summary.frames === 108_000)).toBe(true);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))(
    '%s replays to its stored summary',
    (_name, fixture) => {
      expect(runReplay(parseReplay(fixture.replay))).toEqual(fixture.summary);
    },
  );
});
