import { describe, expect, it } from 'vitest';
import { unrankedNotice } from './unranked-notice.ts';

describe('unrankedNotice', () => {
  it('says why in plain words, for every reason', () => {
    expect(unrankedNotice('aheadOfClock')).toBe(
      'Unranked: this game ran faster than real time. Play on; this game cannot be submitted.',
    );
    expect(unrankedNotice('behindClock')).toBe(
      'Unranked: this game ran slower than real time (slow motion, or the game was frozen: pause instead of leaving the tab). Play on; this game cannot be submitted.',
    );
    expect(unrankedNotice('pauseLimit')).toBe(
      'Unranked: this game was paused too long or too often (a ranked game allows 3 pauses and 60 s paused or disconnected in all). Play on; this game cannot be submitted.',
    );
  });
});
