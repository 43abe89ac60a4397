import { Router, type Request, type Response } from 'express';
import type { Lifecycle } from '../lifecycle.ts';

/**
 * Probes: `/healthz` (the process answers), `/readyz` (database open and migrated, not draining;
 * else 503 with the reasons). A Redis outage does not make the pod unready (that would take the
 * site and every running game out of the load balancer): it is listed under `degraded` while new
 * matchmaking is refused. `/metrics` has its own port.
 */
export function healthRouter(lifecycle: Lifecycle): Router {
  const router = Router();
  router.get('/healthz', (_req: Request, res: Response) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', (_req: Request, res: Response) => {
    const reasons = lifecycle.notReadyReasons();
    const degraded = lifecycle.degradedReasons();
    res.set('Cache-Control', 'no-store');
    if (reasons.length === 0)
      res.json({ status: 'ready', ...(degraded.length ? { degraded } : {}) });
    else
      res
        .status(503)
        .json({ status: 'not ready', reasons, ...(degraded.length ? { degraded } : {}) });
  });
  return router;
}
