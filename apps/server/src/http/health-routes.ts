import { Router, type Request, type Response } from 'express';
import type { Lifecycle } from '../lifecycle.ts';

/**
 * Probes: `/healthz` (the process answers), `/readyz` (database open and migrated, Redis connected
 * when configured, not draining; else 503 with the reasons). `/metrics` has its own port.
 */
export function healthRouter(lifecycle: Lifecycle): Router {
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
  return router;
}
