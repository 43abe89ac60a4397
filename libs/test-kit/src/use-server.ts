import { afterAll, beforeAll } from 'vitest';

/** What a spec file starts once and stops at its end: a server, a server process, a cluster. */
export interface Stoppable {
  stop(): Promise<void>;
}

/** Where `useServer` registers its start and stop: Vitest's own hooks unless a test passes others. */
export interface SuiteHooks {
  beforeAll(fn: () => Promise<void>): void;
  afterAll(fn: () => Promise<void>): void;
}

/**
 * The spec file's server: `start()` runs before the file's tests (Vitest `beforeAll`) and the server
 * it gives is stopped after them (`afterAll`; nothing to stop when the start failed). Returns a
 * stand-in that reads through to the started server, so a spec writes `server.url` in its tests.
 * Reading it outside the tests and hooks (before the start or after the stop) throws, saying so.
 * Each spec passes its own start, with the env it needs:
 * `const server = useServer(() => startTestServer({ DRAIN_SECONDS: '0' }))`.
 */
export function useServer<S extends Stoppable>(
  start: () => Promise<S>,
  hooks: SuiteHooks = { beforeAll, afterAll },
): S {
  let started: S | undefined;
  hooks.beforeAll(async () => {
    started = await start();
  });
  hooks.afterAll(async () => {
    const server = started;
    started = undefined;
    await server?.stop();
  });
  const current = (key: PropertyKey): S => {
    if (started) return started;
    throw new Error(
      `useServer: read '${String(key)}' while no server runs: read the server inside a test or hook, after the file's beforeAll has started it`,
    );
  };
  return new Proxy({} as S, {
    get: (_target, key) => {
      // Promise resolution and inspection probe these; the stand-in is no promise and has no tag.
      if (!started && (key === 'then' || typeof key === 'symbol')) return undefined;
      const server = current(key);
      const value: unknown = Reflect.get(server, key, server);
      return typeof value === 'function' ? value.bind(server) : value;
    },
    has: (_target, key) => key in current(key),
    set: (_target, key) => {
      throw new Error(`useServer: '${String(key)}' is the started server's; it cannot be set`);
    },
  });
}
