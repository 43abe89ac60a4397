import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

/** Serves the built client (index.html for app routes) and canned API answers for the benchmark. */
export async function serveDist(
  dir: string,
  api: Record<string, string>,
): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const canned = api[path];
    if (canned !== undefined) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(canned);
      return;
    }
    if (path.startsWith('/matchmake/')) {
      // No game server: the client falls back to offline play, which is what is measured.
      res
        .writeHead(503, { 'content-type': 'application/json' })
        .end('{"error":"no server in the benchmark"}');
      return;
    }
    const file = extname(path) ? normalize(join(dir, path)) : join(dir, 'index.html');
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) =>
        res
          .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
          .end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
