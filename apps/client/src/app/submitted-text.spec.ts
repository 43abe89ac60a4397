import { describe, expect, it } from 'vitest';
import { submittedText } from './submitted-text.ts';

describe('submittedText', () => {
  it('gives the rank of a stored score', () => {
    expect(
      submittedText('ANN', { kind: 'stored', rank: 3, replayId: 'r', score: 1200 }, 'solo'),
    ).toBe('Saved: ANN scored 1200, rank #3 on the solo board.');
  });

  it('says a kept score appears shortly, with no rank and no error tone', () => {
    const text = submittedText('ANN', { kind: 'queued', replayId: 'r', score: 1200 }, 'duo');
    expect(text).toMatch(/^Saved: ANN scored 1200\./);
    expect(text).toMatch(/will appear on the duo board shortly/);
    expect(text).not.toMatch(/rank|error|fail/i);
  });
});
