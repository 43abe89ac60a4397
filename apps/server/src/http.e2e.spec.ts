import { describe, expect, it } from 'vitest';
import { useServer } from '@tengen/test-kit/vitest';
import { freePort } from '@tengen/test-kit';
import { getJson } from './testing/http.ts';
import { startTestServer } from './testing/test-server.ts';
import { TestPlayer } from '@tengen/test-kit';

let port: number;
const server = useServer(async () => {
  port = await freePort();
  return startTestServer(
    { PORT: String(port), PUBLIC_ADDRESS: `127.0.0.1:${port}/pods/pod-0` },
    {
      'index.html': '<!doctype html><title>tengen</title>',
      'assets/index-B2xY9_aQ.js': 'console.log(1)',
      'favicon.ico': 'ico',
    },
  );
});

describe('score API parameters', () => {
  it.each([
    ['mode=arcade', /mode/],
    ['limit=0', /limit/],
    ['limit=101', /limit/],
    ['limit=ten', /limit/],
    ['limit=2.5', /limit/],
    ['limit=1&limit=2', /limit/],
    ['mode=solo&sort=asc', /sort/],
  ])('GET /api/scores?%s is a 400 with a JSON error', async (query, message) => {
    const res = await getJson<{ error: string }>(`${server.url}/api/scores?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(message);
  });

  it('defaults to the solo board, 10 lines', async () => {
    expect(await getJson(`${server.url}/api/scores`)).toMatchObject({
      status: 200,
      body: { mode: 'solo', period: 'all', start: 'all', since: null, scores: [] },
    });
    expect((await getJson(`${server.url}/api/scores?mode=duo&limit=100`)).body).toEqual({
      mode: 'duo',
      period: 'all',
      start: 'all',
      since: null,
      scores: [],
    });
  });

  it('answers 404 for unknown replays and API paths; nothing accepts a score', async () => {
    expect((await getJson(`${server.url}/api/replays/abcdefghijkm`)).status).toBe(404);
    expect((await getJson(`${server.url}/api/replays/..%2F..%2Fetc`)).status).toBe(404);
    expect((await getJson(`${server.url}/api/nope`)).status).toBe(404);
    const post = await fetch(`${server.url}/api/scores`, {
      method: 'POST',
      body: JSON.stringify({ name: 'x', score: 999_999_999 }),
      headers: { 'content-type': 'application/json' },
    });
    expect(post.status).toBe(404);
  });
});

describe('probes and metrics', () => {
  it('reports health, readiness and Prometheus metrics', async () => {
    expect(await getJson(`${server.url}/healthz`)).toMatchObject({
      status: 200,
      body: { status: 'ok' },
    });
    expect(await getJson(`${server.url}/readyz`)).toMatchObject({
      status: 200,
      body: { status: 'ready' },
    });
    const metrics = await fetch(server.metricsUrl);
    expect(metrics.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await metrics.text();
    for (const name of [
      'tengen_rooms',
      'tengen_clients',
      'tengen_games_started_total',
      'tengen_scores_stored_total',
      'tengen_verification_failures_total',
      'tengen_rejected_messages_total',
      'nodejs_eventloop_lag_p99_seconds',
    ]) {
      expect(text).toContain(name);
    }
  });

  it('puts security headers on every response, matchmaking included', async () => {
    for (const res of [
      await fetch(`${server.url}/healthz`),
      await fetch(`${server.url}/`),
      await fetch(`${server.url}/nope.png`),
      await fetch(`${server.url}/matchmake/joinOrCreate/nope`, {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json' },
      }),
    ]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      // A plain-HTTP install must not be told to fetch its own assets over HTTPS.
      expect(res.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });
});

describe('static client', () => {
  it('caches hashed assets forever and index.html never', async () => {
    const asset = await fetch(`${server.url}/assets/index-B2xY9_aQ.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const index = await fetch(`${server.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(await index.text()).toContain('<title>tengen</title>');
    expect((await fetch(`${server.url}/favicon.ico`)).headers.get('cache-control')).toBe(
      'no-cache',
    );
  });

  it.each(['/solo', '/duo', '/duo/K7QXM3PAHD', '/scoreboard'])(
    'serves index.html for the client route %s',
    async (path) => {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
    },
  );

  it('does not answer missing files with index.html', async () => {
    expect((await fetch(`${server.url}/assets/missing-12345678.js`)).status).toBe(404);
  });
});

describe('public address with a path prefix', () => {
  it('strips the prefix from HTTP requests', async () => {
    expect((await getJson(`${server.url}/pods/pod-0/healthz`)).status).toBe(200);
    expect((await getJson(`${server.url}/pods/pod-0/api/scores?mode=duo`)).body).toMatchObject({
      mode: 'duo',
      scores: [],
    });
  });

  it('accepts the room WebSocket under the prefix (the SDK connects to PUBLIC_ADDRESS)', async () => {
    const player = await TestPlayer.connect(server.url, 'create', 'solo');
    const url = (player.room.connection.transport as unknown as { ws: WebSocket }).ws.url;
    expect(url).toContain(`127.0.0.1:${port}/pods/pod-0/`);
    await player.until('state', () => player.me?.phase === 'choosing');
    await player.leave();
  });
});
