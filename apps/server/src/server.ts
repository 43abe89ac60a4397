import './no-pm2-agent.ts';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defineRoom, defineServer, type Presence } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';
import { StaggeredWebSocketTransport } from './staggered-transport.ts';
import type { ScoreStore } from '@tengen/scores';
import type { Logger } from 'pino';
import { installMatchmakeGuard } from './abuse/matchmake-guard.ts';
import { MatchmakeLimits } from './abuse/matchmake-limits.ts';
import type { Config } from './config.ts';
import { ScoreOutbox } from './game/score-outbox.ts';
import { ScoreRecorder } from './game/score-recorder.ts';
import { configureCors } from './http/cors.ts';
import { configureHttp } from './http/http-app.ts';
import { startMetricsServer } from './http/metrics-server.ts';
import { installRequestPipeline } from './http/request-pipeline.ts';
import { registerHealthMetrics } from './health-metrics.ts';
import { Lifecycle } from './lifecycle.ts';
import { colyseusLogger } from './logger.ts';
import { Metrics } from './metrics.ts';
import { NameRegistry } from './names/name-registry.ts';
import { openScoreStore, storeLocation } from './open-store.ts';
import { RedisProbe } from './redis-probe.ts';
import { RoomReannouncer } from './room-reannouncer.ts';
import { DeadProcessSweeper } from './dead-process-sweeper.ts';
import { markLeaving, markWarmingUp, roomCreationChooser } from './leaving-processes.ts';
import { DuoRoom } from './rooms/duo-room.ts';
import type { RoomDeps } from './rooms/game-room.ts';
import { SoloRoom } from './rooms/solo-room.ts';

/** A listening game server. */
export interface RunningServer {
  /** The port actually bound (useful with PORT=0). */
  port: number;
  /** The port `/metrics` is served on (useful with METRICS_PORT=0). */
  metricsPort: number;
  lifecycle: Lifecycle;
  metrics: Metrics;
  store: ScoreStore;
  http: HttpServer;
  /**
   * Drains and stops: `/readyz` turns 503 at once, matchmaking refuses new rooms and joins,
   * running games get `serverRestarting` and up to `drainSeconds` to finish, every score save in
   * flight completes, then the listeners, Redis and the database are closed.
   */
  shutdown(): Promise<void>;
}

/**
 * Opens the database (migrating it), wires rooms, HTTP routes, metrics and (with `REDIS_URL`)
 * Redis presence and driver, and listens on `config.host:config.port`. One server per process:
 * Colyseus's matchmaker is process-wide.
 */
export async function startServer(config: Config, log: Logger): Promise<RunningServer> {
  const lifecycle = new Lifecycle();
  const metrics = new Metrics();
  const store = await openScoreStore(config);
  // Not critical: the database is shared by every pod, so taking this one out of the load balancer
  // would help no player. While it is down, games go on and verified scores wait in the outbox;
  // /readyz stays 200 and lists `degraded: ["database unavailable"]` (as for Redis).
  lifecycle.addCheck({ name: 'database', ok: () => store.isReady(), critical: false });
  const outbox = await ScoreOutbox.open(config.outboxDir, store, metrics, log, {
    maxDelayMs: config.outboxRetryMaxMs,
  }).catch((err: unknown) => {
    store.close();
    throw err;
  });
  const recorder = new ScoreRecorder(store, metrics, log, outbox);

  let presence: Presence | undefined;
  let driver: RedisDriver | undefined;
  let probe: RedisProbe | undefined;
  if (config.redisUrl) {
    presence = new RedisPresence(config.redisUrl);
    driver = new RedisDriver(config.redisUrl);
    const p = new RedisProbe(presence);
    probe = p;
    // Known before the first request: matchmaking is refused only while Redis is really down.
    await p.check();
    lifecycle.addCheck({ name: 'redis', ok: () => p.ok, critical: false });
  }

  registerHealthMetrics(metrics, lifecycle);

  const http = createServer();
  // Colyseus's default `maxPayload` (4 KB) already refuses larger frames; a full input batch is under 1 KB.
  const transport = new StaggeredWebSocketTransport({ server: http });
  transport.onProtocolError = (message) =>
    log.warn({ error: message }, 'WebSocket protocol error: connection closed');
  const limits = new MatchmakeLimits({
    connections: () => transport.connectionCount,
    maxConnections: config.maxConnections,
  });
  installMatchmakeGuard({
    limits,
    metrics,
    log,
    matchmakingAvailable: () => probe?.ok ?? true,
  });
  configureCors(config.corsOrigins);
  const deps: RoomDeps = {
    recorder,
    metrics,
    log,
    lifecycle,
    drainSeconds: config.drainSeconds,
    limits,
  };
  const server = defineServer({
    rooms: {
      solo: defineRoom(
        class extends SoloRoom {
          protected readonly deps = deps;
        },
      ),
      duo: defineRoom(
        class extends DuoRoom {
          protected readonly deps = deps;
        },
      ),
    },
    transport,
    ...(presence ? { presence, selectProcessIdToCreateRoom: roomCreationChooser(presence) } : {}),
    ...(driver ? { driver } : {}),
    ...(config.publicAddress ? { publicAddress: config.publicAddress } : {}),
    greet: false,
    gracefullyShutdown: false,
    logger: colyseusLogger(log),
    express: (app) =>
      configureHttp(app, {
        store,
        lifecycle,
        metrics,
        log,
        clientDir: config.clientDir,
        limits,
        watchRelay: { url: config.watchRelayUrl, secret: config.watchRelaySecret },
        names: new NameRegistry(store),
      }),
  });

  try {
    await server.listen(config.port, config.host);
    if (presence) await markWarmingUp(presence, config.roomWarmupSeconds);
  } catch (err) {
    await outbox.stop();
    store.close();
    probe?.stop();
    throw err;
  }
  installRequestPipeline(http, {
    prefix: config.pathPrefix,
    trustedProxyHops: config.trustedProxyHops,
  });
  let metricsServer: Awaited<ReturnType<typeof startMetricsServer>>;
  try {
    metricsServer = await startMetricsServer(metrics, config.host, config.metricsPort, {
      leave: async () => {
        lifecycle.startDraining();
        if (presence) await markLeaving(presence);
      },
    });
  } catch (err) {
    await server.gracefullyShutdown(false);
    await outbox.stop();
    store.close();
    probe?.stop();
    throw err;
  }
  await probe?.check();
  const reannouncer = presence ? new RoomReannouncer(presence, log) : undefined;
  await reannouncer?.check();
  const sweeper = presence ? new DeadProcessSweeper(log) : undefined;
  const port = (http.address() as AddressInfo).port;
  const metricsPort = metricsServer.port;
  log.info(
    {
      port,
      metricsPort,
      host: config.host,
      publicAddress: config.publicAddress,
      redis: Boolean(config.redisUrl),
      db: storeLocation(config),
    },
    'server listening',
  );

  let stopping: Promise<void> | undefined;
  const shutdown = () =>
    (stopping ??= (async () => {
      lifecycle.startDraining();
      log.info({ drainSeconds: config.drainSeconds }, 'draining');
      // Started before anything awaits: the matchmaker leaves the process list (other processes
      // stop creating rooms here) at once, not after the re-announcer's last Redis round.
      const closing = server.gracefullyShutdown(false);
      if (presence)
        void markLeaving(presence).catch((err: unknown) =>
          log.warn({ err }, 'could not mark this process as leaving'),
        );
      await reannouncer?.stop();
      await sweeper?.stop();
      await closing;
      await recorder.settle();
      await new Promise((resolve) => metricsServer.server.close(resolve));
      await outbox.stop();
      probe?.stop();
      store.close();
      log.info('stopped');
    })());

  return { port, metricsPort, lifecycle, metrics, store, http, shutdown };
}
