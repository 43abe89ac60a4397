import { describe, expect, it } from 'vitest';
import { MAX_BATCH_RUNS } from './constants.ts';
import { parseClientMessage } from './schemas.ts';

describe('parseClientMessage', () => {
  it('accepts every well-formed message', () => {
    expect(parseClientMessage('selectLevel', { level: 19 })).toEqual({
      ok: true,
      message: { type: 'selectLevel', level: 19 },
    });
    expect(parseClientMessage('ready', undefined)).toEqual({
      ok: true,
      message: { type: 'ready' },
    });
    expect(parseClientMessage('ready', {})).toMatchObject({ ok: true });
    expect(
      parseClientMessage('inputs', {
        from: 0,
        runs: [
          [3, 0],
          [2, 9],
        ],
      }),
    ).toMatchObject({ ok: true });
    expect(parseClientMessage('pause', { paused: true })).toMatchObject({ ok: true });
    expect(parseClientMessage('restart', {})).toMatchObject({ ok: true });
    expect(parseClientMessage('rematch', {})).toMatchObject({ ok: true });
    expect(parseClientMessage('rematch', undefined)).toMatchObject({ ok: true });
    expect(parseClientMessage('submit', { name: 'ann' })).toMatchObject({ ok: true });
    expect(parseClientMessage('closeRoom', {})).toEqual({
      ok: true,
      message: { type: 'closeRoom' },
    });
  });

  it.each([
    ['unknown type', 'teleport', {}],
    ['numeric type', 7, {}],
    ['array payload', 'inputs', [1, 2]],
    ['string payload', 'pause', 'yes'],
    ['level out of range', 'selectLevel', { level: 20 }],
    ['fractional level', 'selectLevel', { level: 1.5 }],
    ['extra key', 'ready', { cheat: true }],
    ['rematch with a seed of its own', 'rematch', { seed: 1 }],
    ['closeRoom with a target', 'closeRoom', { roomId: 'K7QX' }],
    ['negative frame', 'inputs', { from: -1, runs: [[1, 0]] }],
    ['empty runs', 'inputs', { from: 0, runs: [] }],
    ['zero-length run', 'inputs', { from: 0, runs: [[0, 1]] }],
    ['run with three numbers', 'inputs', { from: 0, runs: [[1, 0, 0]] }],
    ['buttons not a byte', 'inputs', { from: 0, runs: [[1, 256]] }],
    [
      'too many runs',
      'inputs',
      { from: 0, runs: Array.from({ length: MAX_BATCH_RUNS + 1 }, () => [1, 0]) },
    ],
    ['string frame', 'inputs', { from: '0', runs: [[1, 0]] }],
    ['paused not boolean', 'pause', { paused: 1 }],
    ['huge name', 'submit', { name: 'x'.repeat(1000) }],
  ])('refuses %s', (_label, type, payload) => {
    const result = parseClientMessage(type, payload);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.length).toBeGreaterThan(3);
  });

  it('names the offending field', () => {
    expect(
      parseClientMessage('inputs', {
        from: 0,
        runs: [
          [1, 0],
          [1, 'x'],
        ],
      }),
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^runs\.1\.1: /),
    });
  });
});
