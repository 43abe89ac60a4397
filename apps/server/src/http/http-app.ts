import type { ScoreStore } from '@tengen/scores';
import type { Application, NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import type { MatchmakeLimits } from '../abuse/matchmake-limits.ts';
import type { Lifecycle } from '../lifecycle.ts';
import type { Metrics } from '../metrics.ts';
import { gameRouter } from './game-routes.ts';
import { healthRouter } from './health-routes.ts';
import type { NameRegistry } from '../names/name-registry.ts';
import { liveRouter, type WatchRelayOptions } from './live-routes.ts';
import { namesRouter } from './names-routes.ts';
import { errorBody, scoresRouter } from './scores-routes.ts';
import { staticClient } from './static-client.ts';

/** What the HTTP side needs. */
export interface HttpDeps {
  store: ScoreStore;
  lifecycle: Lifecycle;
  metrics: Metrics;
  log: Logger;
  clientDir: string;
  /** Per-address limits and the connection cap (spectators are admitted through HTTP). */
  limits: MatchmakeLimits;
  /** Where watchers are seated when a relay serves them, and the secret relays present. */
  watchRelay?: WatchRelayOptions;
  /** Name moves between devices (`/api/names/*`). */
  names: NameRegistry;
}

/** Registers every HTTP route on the express app Colyseus hands over (`defineServer({ express })`). */
export function configureHttp(app: Application, deps: HttpDeps): void {
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(healthRouter(deps.lifecycle));
  app.use('/api', liveRouter(deps.log, deps.limits, deps.watchRelay));
  app.use('/api', gameRouter(deps.store, deps.log));
  app.use('/api', namesRouter(deps.store, deps.names, deps.log));
  app.use('/api', scoresRouter(deps.store, deps.log));
  app.use(staticClient(deps.clientDir));
  app.use((req: Request, res: Response) => {
    res.status(404).json(errorBody(`not found: ${req.method} ${req.path}`));
  });
  app.use((err: Error, _req: Request, res: Response, _next: NextFunction) => {
    deps.log.error({ err }, 'HTTP handler failed');
    if (!res.headersSent) res.status(500).json(errorBody('internal error'));
  });
}
