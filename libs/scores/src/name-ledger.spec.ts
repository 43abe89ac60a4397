import { describe, expect, it } from 'vitest';
import { NameTakenError } from './name-ledger.ts';
import type { NewGame } from './score-store.ts';
import { storeBackends, type TestDatabase } from './testing/store-backends.ts';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

function game(name: string, keyHash?: string): NewGame {
  return {
    mode: 'solo',
    name,
    score: 10,
    lines: 0,
    level: 0,
    startLevel: 0,
    frames: 10,
    seed: 1,
    replayJson: '{}',
    engineVersion: 1,
    ...(keyHash === undefined ? {} : { keyHash }),
  };
}

describe.each(storeBackends())('names on $name', (backend) => {
  let db: TestDatabase;
  async function openStore(clock = { t: Date.UTC(2026, 10, 1) }) {
    db = await backend.fresh();
    return db.open({ now: () => new Date(clock.t) });
  }

  it('gives a free name to the first key and refuses every other key, whatever the case', async () => {
    const store = await openStore();
    expect((await store.saveGame(game('Ann', A))).claimed).toBe(true);
    expect((await store.saveGame(game('ann', A))).claimed).toBe(false);
    await expect(store.saveGame(game('ANN', B))).rejects.toBeInstanceOf(NameTakenError);
    expect(await store.nameStatus('aNN', A)).toBe('yours');
    expect(await store.nameStatus('ann', B)).toBe('taken');
    expect(await store.nameStatus('bob', B)).toBe('free');
    // The board keeps each spelling apart; only the claim is shared. (Equal scores at one instant:
    // their order is the dialect's last tie-break, so only the set is checked.)
    expect((await store.topScores('solo', 10)).map((e) => e.name).sort()).toEqual(['Ann', 'ann']);
  });

  it('lets the first key after the upgrade claim a name that only has older games', async () => {
    const store = await openStore();
    await store.saveGame(game('old')); // stored before names were held
    expect(await store.nameStatus('old', A)).toBe('free');
    expect((await store.saveGame(game('old', B))).claimed).toBe(true);
    await expect(store.saveGame(game('old', A))).rejects.toBeInstanceOf(NameTakenError);
  });

  it('settles two first submits from two connections on one database: one claims, one is refused', async () => {
    const one = await openStore();
    const two = await db.open();
    const results = await Promise.allSettled([
      ...Array.from({ length: 5 }, () => one.saveGame(game('race', A))),
      ...Array.from({ length: 5 }, () => two.saveGame(game('race', B))),
    ]);
    const stored = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter(
      (r) => r.status === 'rejected' && r.reason instanceof NameTakenError,
    );
    expect(stored.length).toBe(5);
    expect(refused.length).toBe(5);
    const claims = stored.filter((r) => r.status === 'fulfilled' && r.value.claimed);
    expect(claims).toHaveLength(1);
  });

  describe('move codes', () => {
    const CODE = 'c'.repeat(64);
    const WRONG = 'd'.repeat(64);

    it('moves the name with the right live code, once', async () => {
      const clock = { t: Date.UTC(2026, 10, 1) };
      const store = await openStore(clock);
      await store.saveGame(game('ann', A));
      expect(await store.issueNameCode('ann', B, CODE, new Date(clock.t + 600_000))).toBe(false);
      expect(await store.issueNameCode('ann', A, CODE, new Date(clock.t + 600_000))).toBe(true);
      expect(await store.redeemNameCode('ann', CODE, B, 5)).toEqual({ kind: 'moved' });
      expect(await store.nameStatus('ann', B)).toBe('yours');
      expect(await store.nameStatus('ann', A)).toBe('taken');
      // Used up: the same code again does nothing.
      expect(await store.redeemNameCode('ann', CODE, A, 5)).toEqual({ kind: 'noCode' });
      expect(await store.nameStatus('ann', B)).toBe('yours');
      // The old key cannot ask for codes any more.
      expect(await store.issueNameCode('ann', A, CODE, new Date(clock.t + 600_000))).toBe(false);
    });

    it('refuses an expired code and burns a code after too many wrong ones', async () => {
      const clock = { t: Date.UTC(2026, 10, 1) };
      const store = await openStore(clock);
      await store.saveGame(game('ann', A));
      await store.issueNameCode('ann', A, CODE, new Date(clock.t + 600_000));
      clock.t += 600_000;
      expect(await store.redeemNameCode('ann', CODE, B, 5)).toEqual({ kind: 'expired' });
      expect(await store.redeemNameCode('ann', CODE, B, 5)).toEqual({ kind: 'noCode' });

      await store.issueNameCode('ann', A, CODE, new Date(clock.t + 600_000));
      for (let left = 4; left >= 1; left--)
        expect(await store.redeemNameCode('ann', WRONG, B, 5)).toEqual({
          kind: 'wrong',
          triesLeft: left,
        });
      expect(await store.redeemNameCode('ann', WRONG, B, 5)).toEqual({ kind: 'burned' });
      // Even the right code is useless once burned.
      expect(await store.redeemNameCode('ann', CODE, B, 5)).toEqual({ kind: 'noCode' });
      expect(await store.nameStatus('ann', A)).toBe('yours');
    });

    it('counts wrong codes guessed at once from two connections one by one, and burns on the last', async () => {
      const store = await openStore();
      const other = await db.open();
      await store.saveGame(game('ann', A));
      await store.issueNameCode('ann', A, CODE, new Date(Date.UTC(2027, 0, 1)));
      // Open several connections on both stores first, so the guesses really run at once.
      await Promise.all([store, other].flatMap((s) => [1, 2, 3].map(() => s.nameStatus('ann', A))));
      const outcomes = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          (i % 2 ? store : other).redeemNameCode('ann', WRONG, B, 5),
        ),
      );
      const kinds = outcomes.map((o) => (o.kind === 'wrong' ? `wrong${o.triesLeft}` : o.kind));
      expect(kinds.sort()).toEqual(['burned', 'wrong1', 'wrong2', 'wrong3', 'wrong4']);
      expect(await store.redeemNameCode('ann', CODE, B, 5)).toEqual({ kind: 'noCode' });
    });

    it('a new code replaces the old one and resets the wrong-code count', async () => {
      const store = await openStore();
      await store.saveGame(game('ann', A));
      await store.issueNameCode('ann', A, CODE, new Date(Date.UTC(2027, 0, 1)));
      await store.redeemNameCode('ann', WRONG, B, 5);
      await store.issueNameCode('ann', A, WRONG, new Date(Date.UTC(2027, 0, 1)));
      expect(await store.redeemNameCode('ann', CODE, B, 5)).toEqual({
        kind: 'wrong',
        triesLeft: 4,
      });
      expect(await store.redeemNameCode('ann', WRONG, B, 5)).toEqual({ kind: 'moved' });
    });
  });
});
