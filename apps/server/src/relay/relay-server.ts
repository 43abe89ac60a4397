import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defineRoom, defineServer } from '@colyseus/core';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { Gauge, Registry } from 'prom-client';
import type { Config } from '../config.ts';
import { healthRouter } from '../http/health-routes.ts';
import { startMetricsServer } from '../http/metrics-server.ts';
import { installRequestPipeline } from '../http/request-pipeline.ts';
import { errorBody } from '../http/scores-routes.ts';
import { Lifecycle } from '../lifecycle.ts';
import { colyseusLogger } from '../logger.ts';
import { StaggeredWebSocketTransport } from '../staggered-transport.ts';
import { closePublicMatchmaking, relayRouter } from './relay-routes.ts';
import { WATCH_ROOM, WatchDirectory } from './watch-directory.ts';
import { WatchRoom, type WatchRoomDeps } from './watch-room.ts';

/** A listening watch relay. */
export interface RunningRelay {
  port: number;
  metricsPort: number;
  /** Closes every watcher with 4001 (server shutdown), leaves every game room, stops listening. */
  shutdown(): Promise<void>;
}

/**
 * The watch relay (`ROLE=relay`): spectators' sockets live here, not in the game servers. It is a
 * Colyseus server with one `watch` room per watched game, each fed by one spectator connection to
 * the game room (`RELAY_UPSTREAM_URL`, authenticated with `WATCH_RELAY_SECRET`). Game servers ask
 * it for seats (`POST /relay/watch/:roomId`); browsers only open WebSockets to it (the seat
 * reservations name its `PUBLIC_ADDRESS`). No database, no Redis: each relay stands alone.
 */
export async function startRelay(config: Config, log: Logger): Promise<RunningRelay> {
  const upstreamUrl = config.relayUpstreamUrl;
  const secret = config.watchRelaySecret;
  if (upstreamUrl === undefined || secret === undefined)
    throw new Error('the relay needs RELAY_UPSTREAM_URL and WATCH_RELAY_SECRET');
  const lifecycle = new Lifecycle();
  const directory = new WatchDirectory(upstreamUrl, secret);
  const http = createServer();
  const transport = new StaggeredWebSocketTransport({ server: http });
  transport.onProtocolError = (message) =>
    log.warn({ error: message }, 'WebSocket protocol error: connection closed');
  const overfull = () => transport.connectionCount >= config.maxConnections;
  const deps: WatchRoomDeps = { directory, log, lifecycle, overfull };

  const registry = new Registry();
  new Gauge({
    name: 'tengen_relay_watchers',
    help: 'Watchers connected to this relay',
    registers: [registry],
    collect() {
      this.set(transport.connectionCount);
    },
  });
  new Gauge({
    name: 'tengen_relay_games',
    help: 'Games this relay watches (one upstream connection each)',
    registers: [registry],
    collect() {
      this.set(directory.size);
    },
  });

  closePublicMatchmaking();
  const server = defineServer({
    rooms: {
      [WATCH_ROOM]: defineRoom(
        class extends WatchRoom {
          protected readonly deps = deps;
        },
      ),
    },
    transport,
    ...(config.publicAddress ? { publicAddress: config.publicAddress } : {}),
    greet: false,
    gracefullyShutdown: false,
    logger: colyseusLogger(log),
    express: (app) => {
      app.disable('x-powered-by');
      app.use(healthRouter(lifecycle));
      app.use(relayRouter({ directory, lifecycle, secret, overfull }));
      app.use((req: Request, res: Response) => {
        res.status(404).json(errorBody(`not found: ${req.method} ${req.path}`));
      });
      app.use((err: Error, _req: Request, res: Response, _next: NextFunction) => {
        log.error({ err }, 'HTTP handler failed');
        if (!res.headersSent) res.status(500).json(errorBody('internal error'));
      });
    },
  });
  await server.listen(config.port, config.host);
  installRequestPipeline(http, {
    prefix: config.pathPrefix,
    trustedProxyHops: config.trustedProxyHops,
  });
  const metricsServer = await startMetricsServer({ registry }, config.host, config.metricsPort);
  const port = (http.address() as AddressInfo).port;
  log.info(
    {
      role: 'relay',
      port,
      metricsPort: metricsServer.port,
      host: config.host,
      publicAddress: config.publicAddress,
      upstream: upstreamUrl,
    },
    'server listening',
  );

  let stopping: Promise<void> | undefined;
  const shutdown = () =>
    (stopping ??= (async () => {
      lifecycle.startDraining();
      await server.gracefullyShutdown(false);
      await new Promise((resolve) => metricsServer.server.close(resolve));
      log.info('stopped');
    })());
  return { port, metricsPort: metricsServer.port, shutdown };
}
