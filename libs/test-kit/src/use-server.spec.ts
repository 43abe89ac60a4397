import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { useServer, type SuiteHooks } from './use-server.ts';

/** A real HTTP server on a free loopback port that answers with its label. */
async function startHttp(
  label: string,
): Promise<{ url: string; http: Server; stop(): Promise<void> }> {
  const http = createServer((_req, res) => res.end(label));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    http,
    stop: () =>
      new Promise<void>((resolve, reject) => http.close((e) => (e ? reject(e) : resolve()))),
  };
}

/** Hooks kept to be run by the test, in the order Vitest would run them. */
function heldHooks(): SuiteHooks & { before: () => Promise<void>; after: () => Promise<void> } {
  const held: { before?: () => Promise<void>; after?: () => Promise<void> } = {};
  return {
    beforeAll: (fn) => void (held.before = fn),
    afterAll: (fn) => void (held.after = fn),
    before: () => held.before?.() ?? Promise.reject(new Error('no beforeAll registered')),
    after: () => held.after?.() ?? Promise.reject(new Error('no afterAll registered')),
  };
}

describe('useServer under Vitest', () => {
  const server = useServer(() => startHttp('suite'));

  it('reads through to the server its beforeAll started, methods bound to it', async () => {
    expect(server.http.listening).toBe(true);
    expect('url' in server).toBe(true);
    expect(await (await fetch(server.url)).text()).toBe('suite');
  });
});

describe('useServer', () => {
  it('starts in beforeAll, stops in afterAll, and refuses reads outside them', async () => {
    const hooks = heldHooks();
    let starts = 0;
    const server = useServer(() => {
      starts++;
      return startHttp('held');
    }, hooks);
    expect(starts).toBe(0);
    expect(() => server.url).toThrow("useServer: read 'url' while no server runs");

    await hooks.before();
    expect(starts).toBe(1);
    const { http, url } = server;
    expect(await (await fetch(url)).text()).toBe('held');

    await hooks.after();
    expect(http.listening).toBe(false);
    await expect(fetch(url)).rejects.toThrow();
    expect(() => server.url).toThrow('while no server runs');
  });

  it('has nothing to stop when the start failed, and is no promise before it starts', async () => {
    const hooks = heldHooks();
    const server = useServer<{ stop(): Promise<void> }>(
      () => Promise.reject(new Error('port taken')),
      hooks,
    );
    expect((server as unknown as { then?: unknown }).then).toBeUndefined();
    await expect(hooks.before()).rejects.toThrow('port taken');
    await expect(hooks.after()).resolves.toBeUndefined();
  });

  it('will not let a spec overwrite the started server', async () => {
    const hooks = heldHooks();
    const server = useServer(() => startHttp('fixed'), hooks);
    await hooks.before();
    try {
      expect(() => Object.assign(server, { url: 'http://elsewhere' })).toThrow('cannot be set');
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await hooks.after();
    }
  });
});
