import { request } from 'node:http';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useServer } from '@tengen/test-kit/vitest';
import { startTestServer } from './testing/test-server.ts';

const JS = `console.log(${JSON.stringify('tetris '.repeat(400))});\n`;
const HTML = `<!doctype html><title>tengen</title><p>${'menu '.repeat(200)}</p>`;
const ASSET = '/assets/index-B2xY9_aQ.js';

/** A raw HTTP exchange (fetch would add its own Accept-Encoding and decode the body). */
function get(
  url: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const server = useServer(() =>
  startTestServer(
    {},
    {
      'index.html': HTML,
      'index.html.br': brotliCompressSync(HTML),
      'index.html.gz': gzipSync(HTML),
      'assets/index-B2xY9_aQ.js': JS,
      'assets/index-B2xY9_aQ.js.br': brotliCompressSync(JS),
      'assets/index-B2xY9_aQ.js.gz': gzipSync(JS),
      'assets/plain-Cd3_xY9z.css': 'body{}',
      'orphan.txt.gz': gzipSync('x'),
    },
  ),
);

describe('precompressed client files', () => {
  it('sends brotli to a browser that accepts it, with Vary and a year of immutable cache', async () => {
    const res = await get(`${server.url}${ASSET}`, {
      'accept-encoding': 'gzip, deflate, br, zstd',
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(JS.length / 5);
    expect(brotliDecompressSync(res.body).toString()).toBe(JS);
  });

  it('follows q-values: gzip when brotli is weighed lower or refused', async () => {
    for (const ae of ['br;q=0.5, gzip', 'br;q=0, *', 'gzip;q=0.9, br;q=0.1']) {
      const res = await get(`${server.url}${ASSET}`, { 'accept-encoding': ae });
      expect(res.headers['content-encoding'], ae).toBe('gzip');
      expect(gunzipSync(res.body).toString()).toBe(JS);
    }
  });

  it('sends the file as built without Accept-Encoding, or when only identity is acceptable', async () => {
    for (const headers of [
      {} as Record<string, string>,
      { 'accept-encoding': 'identity' },
      { 'accept-encoding': 'br;q=0, gzip;q=0' },
    ]) {
      const res = await get(`${server.url}${ASSET}`, headers);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
      expect(res.body.toString()).toBe(JS);
    }
    const refused = await get(`${server.url}${ASSET}`, { 'accept-encoding': '*;q=0' });
    expect(refused.status).toBe(406);
  });

  it('answers a revalidation per encoding with 304', async () => {
    const first = await get(`${server.url}${ASSET}`, { 'accept-encoding': 'br' });
    const etag = first.headers['etag'] as string;
    const again = await get(`${server.url}${ASSET}`, {
      'accept-encoding': 'br',
      'if-none-match': etag,
    });
    expect(again.status).toBe(304);
    const gzip = await get(`${server.url}${ASSET}`, {
      'accept-encoding': 'gzip',
      'if-none-match': etag,
    });
    expect(gzip.status).toBe(200);
    expect(gzip.headers['etag']).not.toBe(etag);
  });

  it('serves HEAD with the headers of GET and no body', async () => {
    const res = await get(`${server.url}${ASSET}`, { 'accept-encoding': 'gzip' }, 'HEAD');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(Number(res.headers['content-length'])).toBeGreaterThan(0);
    expect(res.body.length).toBe(0);
  });

  it('serves a file without twins as it is, and never the twins by their own names', async () => {
    const css = await get(`${server.url}/assets/plain-Cd3_xY9z.css`, { 'accept-encoding': 'br' });
    expect(css.headers['content-encoding']).toBeUndefined();
    expect(css.body.toString()).toBe('body{}');
    expect((await get(`${server.url}${ASSET}.br`)).status).toBe(404);
    expect((await get(`${server.url}/orphan.txt.gz`)).status).toBe(200);
    expect((await get(`${server.url}/assets/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
    expect((await get(`${server.url}/%E0%A4%A`)).status).toBe(404);
  });
});

describe('client pages and the not-found page', () => {
  it('compresses index.html and never caches it', async () => {
    const res = await get(`${server.url}/duo/K7QXM3PAHD`, { 'accept-encoding': 'br, gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(res.body).toString()).toBe(HTML);
  });

  it.each(['/nope', '/duo/K7QX', '/solo/a.b/c', '/scoreboard/x', '/watch/a/b'])(
    'answers %s with 404 and the game page (which shows its not-found screen)',
    async (path) => {
      const res = await get(`${server.url}${path}`, { 'accept-encoding': 'gzip' });
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(gunzipSync(res.body).toString()).toBe(HTML);
    },
  );

  it('leaves the server paths and missing files to the API 404', async () => {
    const res = await get(`${server.url}/api/nope`);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/json/);
    expect((await get(`${server.url}/assets/missing-12345678.js`)).headers['content-type']).toMatch(
      /json/,
    );
  });
});
