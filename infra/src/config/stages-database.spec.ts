import { describe, expect, it } from 'vitest';
import { AURORA, stageConfig } from './stages.ts';
import { contextReader } from '../../test/stage-context.ts';

const config = (overrides: Record<string, unknown> = {}) => stageConfig(contextReader(overrides));

describe('stage option: database', () => {
  it('keeps SQLite on EFS unless a stage asks for Aurora', () => {
    expect(config().database).toEqual({ engine: 'sqlite' });
    expect(config({ stage: 'production' }).database).toEqual({ engine: 'sqlite' });
  });

  it("gives Aurora the stage's sizing", () => {
    expect(config({ 'tengen:staging:database': 'aurora' }).database).toEqual({
      engine: 'aurora',
      sizing: AURORA.staging,
    });
    const production = config({ stage: 'production', 'tengen:production:database': 'aurora' });
    expect(production.database).toEqual({ engine: 'aurora', sizing: AURORA.production });
    // The option is per stage: staging's choice does not move production.
    expect(config({ stage: 'production', 'tengen:staging:database': 'aurora' }).database).toEqual({
      engine: 'sqlite',
    });
  });

  it('sizes production at least as large as staging, with a reader and longer backups', () => {
    expect(AURORA.production.maxAcu).toBeGreaterThanOrEqual(AURORA.staging.maxAcu);
    expect(AURORA.production.readers).toBeGreaterThanOrEqual(1);
    expect(AURORA.production.backupDays).toBeGreaterThan(AURORA.staging.backupDays);
    for (const sizing of Object.values(AURORA)) {
      expect(sizing.minAcu).toBeGreaterThanOrEqual(0.5);
      expect(sizing.maxAcu).toBeLessThanOrEqual(256);
      expect(sizing.minAcu).toBeLessThanOrEqual(sizing.maxAcu);
      expect(sizing.backupDays).toBeGreaterThanOrEqual(1);
      expect(sizing.backupDays).toBeLessThanOrEqual(35);
    }
  });

  it('refuses anything else with the choices', () => {
    expect(() => config({ 'tengen:staging:database': 'postgres' })).toThrow(
      /tengen:staging:database must be one of sqlite, aurora \(got "postgres"\)/,
    );
    expect(() => config({ 'tengen:staging:database': 3 })).toThrow(/must be a string/);
  });
});
