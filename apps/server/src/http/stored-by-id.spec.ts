import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedItemHandler } from './stored-by-id.ts';

const stored = new Map([['abcdefghijkm', { score: 1200 }]]);
const reads: string[] = [];
const logged: Record<string, unknown>[] = [];
const log = pino(
  new Writable({
    write(chunk: Buffer, _enc, done) {
      logged.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  }),
);

let url: string;
let close: () => void;
beforeAll(async () => {
  const app = express();
  app.get(
    '/things/:id',
    storedItemHandler(
      {
        noun: 'thing',
        read: async (id) => {
          reads.push(id);
          if (id === 'brokenbroken') throw new Error('disk I/O error');
          return stored.get(id);
        },
        send: (res, thing) => res.json(thing),
        failure: 'reading a thing failed',
        unavailable: 'things are unavailable, try again',
      },
      log,
    ),
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close?.());

const get = async (id: string) => {
  const res = await fetch(`${url}/things/${id}`);
  return { status: res.status, cache: res.headers.get('cache-control'), body: await res.json() };
};

describe('storedItemHandler', () => {
  it('sends a stored item with a year of immutable cache', async () => {
    expect(await get('abcdefghijkm')).toEqual({
      status: 200,
      cache: 'public, max-age=31536000, immutable',
      body: { score: 1200 },
    });
  });

  it('answers 404 for an id that names nothing, and for one that cannot be an id without reading', async () => {
    expect(await get('mnpqrstuvwxy')).toMatchObject({
      status: 404,
      body: { error: 'no thing "mnpqrstuvwxy"' },
    });
    reads.length = 0;
    const long = 'A'.repeat(60);
    expect(await get(long)).toMatchObject({
      status: 404,
      body: { error: `no thing "${'A'.repeat(40)}"` },
    });
    expect(await get('..%2F..%2Fetc')).toMatchObject({ status: 404 });
    expect(reads).toEqual([]);
  });

  it('answers 503 in words when the store fails, logs the error, and caches nothing', async () => {
    const res = await get('brokenbroken');
    expect(res).toEqual({
      status: 503,
      cache: null,
      body: { error: 'things are unavailable, try again' },
    });
    expect(logged.at(-1)).toMatchObject({
      msg: 'reading a thing failed',
      id: 'brokenbroken',
      err: { message: 'disk I/O error' },
    });
  });
});
