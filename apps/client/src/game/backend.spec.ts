import { describe, expect, it } from 'vitest';
import { OfflineSolo } from './backend.ts';

describe('OfflineSolo', () => {
  it('deals a new seed on try again, at the level of the last game', async () => {
    const seeds = [11, 22, 33];
    const solo = new OfflineSolo(() => seeds.shift()!, 'offline');
    expect(await solo.start(7)).toEqual({ seed: 11, startLevel: 7 });
    expect(await solo.restart()).toEqual({ seed: 22, startLevel: 7 });
    expect(await solo.restart()).toEqual({ seed: 33, startLevel: 7 });
  });

  it('cannot submit, and says why', async () => {
    const solo = new OfflineSolo(() => 1, 'Offline game: this score cannot be verified.');
    expect(solo.submitBlocked()).toBe('Offline game: this score cannot be verified.');
    await expect(solo.submit()).rejects.toThrow('cannot be verified');
  });
});
