import { describe, expect, it } from 'vitest';
import { ApiError, HttpApi, parseReplayResponse, parseScores } from './http-api.ts';

const replay = { version: 1, seed: '8988', startLevel: 3, inputs: [[10, 0]] };

function fakeFetch(status: number, body: unknown): typeof fetch {
  return (async () => new Response(JSON.stringify(body), { status })) as typeof fetch;
}

describe('parseScores', () => {
  it('reads arrays and wrapped lists, dropping bad rows', () => {
    const rows = [{ rank: 1, name: 'ann', score: 1200, lines: 4, level: 0, startLevel: 0, replayId: 'r1', at: '2026-01-01' }, { name: 7 }];
    expect(parseScores(rows)).toHaveLength(1);
    expect(parseScores({ scores: rows })[0]).toMatchObject({ name: 'ann', score: 1200, replayId: 'r1' });
    expect(parseScores({ entries: [{ name: 'b', score: 1, id: 'x' }] })[0]).toMatchObject({ rank: 1, replayId: 'x' });
    expect(() => parseScores({ nope: true })).toThrow(ApiError);
  });
});

describe('parseReplayResponse', () => {
  it('accepts a bare replay, a wrapped one and JSON text', () => {
    expect(parseReplayResponse(replay).startLevel).toBe(3);
    expect(parseReplayResponse({ replay }).seed).toBe('8988');
    expect(parseReplayResponse({ id: 'x', replay: JSON.stringify(replay) }).inputs).toEqual([[10, 0]]);
    expect(() => parseReplayResponse({ replay: { version: 2 } })).toThrow();
  });
});

describe('HttpApi', () => {
  it('loads scores and replays', async () => {
    expect(await new HttpApi('', fakeFetch(200, [{ name: 'a', score: 5, replayId: 'r' }])).scores('solo')).toHaveLength(1);
    expect((await new HttpApi('', fakeFetch(200, replay)).replay('r')).startLevel).toBe(3);
  });

  it('explains failures', async () => {
    await expect(new HttpApi('', fakeFetch(404, {})).replay('r')).rejects.toThrow('The replay was not found.');
    await expect(new HttpApi('', fakeFetch(500, {})).scores('duo')).rejects.toThrow('HTTP 500');
    const offline = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    await expect(new HttpApi('', offline).scores('solo')).rejects.toThrow('Cannot reach the server');
  });
});
