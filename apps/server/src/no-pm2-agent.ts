/**
 * Colyseus imports `@pm2/io` to show two gauges (clients, rooms) in PM2, and importing it starts
 * PM2's agent in the process: timers that list every libuv handle each second (about 8,000 sockets
 * at 4,000 players) and sample the event loop and V8, and its own `uncaughtException` and
 * `unhandledRejection` listeners, which print each error as plain text beside the server's JSON log
 * and read the source files of its stack to annotate it. This server runs without PM2 and exports
 * its figures to Prometheus (`metrics.ts`), so a stand-in that records nothing answers the import:
 * `@pm2/io` returns whatever is already registered under this symbol instead of starting itself
 * (its `index.js`, version 6). Imported first by `server.ts`, before Colyseus's matchmaker starts.
 */
const PM2_IO = Symbol.for('@pm2/io');

/** What Colyseus calls on it (`io.metric({ id, name, value })`), doing nothing. */
export const pm2StandIn = Object.freeze({
  metric: () => Object.freeze({ set: () => undefined, val: () => undefined }),
});

const registry = globalThis as Record<symbol, unknown>;
registry[PM2_IO] ??= pm2StandIn;
