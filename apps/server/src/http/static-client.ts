import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isClientPath } from '@tengen/protocol';
import { Router, type NextFunction, type Request, type Response } from 'express';
import { chooseEncoding, type StoredEncoding } from './accept-encoding.ts';
import { loadClientFiles, type ClientFile } from './client-files.ts';

/** Vite's content-hashed output (`assets/index-B2xY9_aQ.js`): safe to cache forever. */
const HASHED = /(^|\/)assets\/|[-.][A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

/** Paths the server owns; never answered with the client's index.html. */
const SERVER_PATHS = /^\/(api|matchmake|metrics|healthz|readyz|__healthcheck)(\/|$)/;

const IMMUTABLE = 'public, max-age=31536000, immutable';

function decodedPath(raw: string): string | null {
  try {
    return decodeURIComponent(raw).replace(/^\/+/, '');
  } catch {
    return null;
  }
}

/** Sends one file in the best stored encoding the request accepts (406 when it accepts none). */
function send(req: Request, res: Response, file: ClientFile, status: number, cache: string): void {
  const stored = Object.keys(file.bodies) as StoredEncoding[];
  const enc = chooseEncoding(req.get('accept-encoding'), stored);
  res.vary('Accept-Encoding');
  res.set('Cache-Control', cache);
  if (enc === null) {
    res.status(406).type('text/plain').send('no acceptable encoding (identity refused)');
    return;
  }
  const body = file.bodies[enc]!;
  const etag = `"${file.tag}-${enc}"`;
  res.type(file.ext).set('ETag', etag);
  if (enc !== 'identity') res.set('Content-Encoding', enc);
  if (status === 200 && req.fresh) {
    res.status(304).end();
    return;
  }
  res.status(status).set('Content-Length', String(body.length));
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Serves the built client from `dir` when it exists, from memory: each file in the best encoding
 * the browser accepts among those the build stored (`.br` and `.gz` twins made by the client build),
 * with `Vary: Accept-Encoding`; hashed assets cached for a year as immutable, everything else
 * (`index.html`) `no-cache`. Client pages (`isClientPath`: `/solo`, `/duo/CODE`, ...) get index.html;
 * any other path without a file extension gets index.html with 404, whose app shows the game's own
 * not-found page. Missing files and the server's own paths go on to the next handler.
 */
export function staticClient(dir: string): Router {
  const router = Router();
  const indexPath = join(dir, 'index.html');
  if (!existsSync(indexPath)) {
    router.get('/', (_req: Request, res: Response) => {
      res
        .status(404)
        .type('text/plain')
        .send('client not built: run the client build, or set CLIENT_DIR');
    });
    return router;
  }
  const files = loadClientFiles(dir);
  const index = files.get('index.html')!;
  router.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const path = decodedPath(req.path);
    const file = path === null ? undefined : files.get(path);
    if (file !== undefined)
      return send(req, res, file, 200, HASHED.test(path!) ? IMMUTABLE : 'no-cache');
    const last = req.path.split('/').pop() ?? '';
    if (SERVER_PATHS.test(req.path) || last.includes('.')) return next();
    send(req, res, index, isClientPath(req.path) ? 200 : 404, 'no-cache');
  });
  return router;
}
