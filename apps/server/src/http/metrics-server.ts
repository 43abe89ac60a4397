import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Metrics } from '../metrics.ts';

/**
 * The Prometheus listener, on a port of its own (`METRICS_PORT`) that the Ingress never routes:
 * `GET /metrics`, and for game processes `GET|POST /leave` (the preStop hook: no new rooms here,
 * readiness off, running games go on), nothing else, no CORS.
 */
export async function startMetricsServer(
  metrics: Pick<Metrics, 'registry'>,
  host: string,
  port: number,
  hooks: { leave?: () => Promise<void> } = {},
): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    // The preStop hook: leave matchmaking before SIGTERM (GET, as Kubernetes' httpGet hooks send).
    if (path === '/leave' && hooks.leave && (req.method === 'GET' || req.method === 'POST')) {
      hooks.leave().then(
        () => res.writeHead(202, { 'content-type': 'text/plain' }).end('leaving\n'),
        (err: unknown) =>
          res.writeHead(503, { 'content-type': 'text/plain' }).end(`${String(err)}\n`),
      );
      return;
    }
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    metrics.registry.metrics().then(
      (text) => {
        res.writeHead(200, {
          'content-type': metrics.registry.contentType,
          'cache-control': 'no-store',
        });
        res.end(req.method === 'HEAD' ? undefined : text);
      },
      (err: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(`${String(err)}\n`);
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return { server, port: (server.address() as AddressInfo).port };
}
