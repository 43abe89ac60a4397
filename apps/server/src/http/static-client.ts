import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router, type NextFunction, type Request, type Response } from 'express';

/** Vite's content-hashed output (`assets/index-B2xY9_aQ.js`): safe to cache forever. */
const HASHED = /(^|\/)assets\/|[-.][A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

/** Paths the server owns; never answered with the client's index.html. */
const SERVER_PATHS = /^\/(api|matchmake|metrics|healthz|readyz|__healthcheck)(\/|$)/;

/**
 * Serves the built client from `dir` when it exists: hashed assets with a one-year immutable
 * cache, `index.html` with `no-cache`, and index.html for client routes (`/solo`, `/duo/K7QX`,
 * `/scoreboard`, ...: any GET without a file extension) so deep links work.
 */
export function staticClient(dir: string): Router {
  const router = Router();
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    router.get('/', (_req: Request, res: Response) => {
      res
        .status(404)
        .type('text/plain')
        .send('client not built: run the client build, or set CLIENT_DIR');
    });
    return router;
  }
  router.use(
    express.static(dir, {
      index: false,
      setHeaders: (res, path) => {
        const rel = path.slice(dir.length);
        res.setHeader(
          'Cache-Control',
          HASHED.test(rel) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    }),
  );
  router.get(/.*/, (req: Request, res: Response, next: NextFunction) => {
    const last = req.path.split('/').pop() ?? '';
    if (SERVER_PATHS.test(req.path) || last.includes('.')) return next();
    res.set('Cache-Control', 'no-cache').sendFile(index);
  });
  return router;
}
