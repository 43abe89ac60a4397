// @tengen/test-kit: what tests, benchmarks and smoke tests need to drive the real server: the server
// as its own process, free loopback ports, and a bot that plays over a real Colyseus connection the
// way the browser does. Used by the server's end-to-end tests and benchmark, the client's network
// specs and the image smoke test.
export { chromiumLaunchOptions } from './chromium.ts';
export { startCluster, type Cluster, type ClusterOptions } from './cluster.ts';
export { freePort } from './free-port.ts';
export { nginxConfig, startNginx, type ProxyRoutes, type TestNginx } from './nginx.ts';
export { latencyProxy, type LatencyProxy, type LatencyProxyOptions } from './latency-proxy.ts';
export { pollUntil } from './poll-until.ts';
export { startPostgres, type PostgresOptions, type TestPostgres } from './postgres-server.ts';
export { makeTestCa, type CertAndKey, type TestCa } from './test-ca.ts';
export { HOSTSSL_ONLY, startTlsPostgres, type TlsPostgres } from './tls-postgres.ts';
export { startRedis, type TestRedis } from './redis-server.ts';
export { playSmokeGame, type SmokeGame } from './smoke-game.ts';
export { serverMain, spawnServer, type SpawnedServer } from './spawn-server.ts';
export { runServerMain, type MainRun } from './run-server-main.ts';
export { startServerProcess, type ServerProcess } from './server-process.ts';
export { testAddress, testClientOptions } from './test-address.ts';
export {
  DEFAULT_LEAD_FRAMES,
  FAST_LEAD_FRAMES,
  PacedGame,
  type PacedGameHooks,
  type Pacing,
  type PlayOptions,
} from './paced-game.ts';
export { TestPlayer, type ConnectOptions, type WireBytes } from './test-player.ts';
