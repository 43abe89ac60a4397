import { Router, type Request, type Response } from 'express';
import type { Lifecycle } from '../lifecycle.ts';
import type { Metrics } from '../metrics.ts';

/**
 * Probes and metrics: `/healthz` (the process answers), `/readyz` (database open and migrated,
 * Redis connected when configured, not draining; else 503 with the reasons), `/metrics`.
 */
export function healthRouter(lifecycle: Lifecycle, metrics: Metrics): Router {
  const router = Router();
  router.get('/healthz', (_req: Request, res: Response) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', (_req: Request, res: Response) => {
    const reasons = lifecycle.notReadyReasons();
    res.set('Cache-Control', 'no-store');
    if (reasons.length === 0) res.json({ status: 'ready' });
    else res.status(503).json({ status: 'not ready', reasons });
  });
  router.get('/metrics', async (_req: Request, res: Response) => {
    res.set('Content-Type', metrics.registry.contentType).set('Cache-Control', 'no-store');
    res.send(await metrics.registry.metrics());
  });
  return router;
}
