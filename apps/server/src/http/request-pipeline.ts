import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import helmet from 'helmet';
import { MAX_MATCHMAKE_BODY_BYTES } from '@tengen/protocol';
import { readLimitedBody } from './body-limit.ts';
import { addressKey, CLIENT_ADDRESS_HEADER, clientAddress } from './client-address.ts';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** Removes a routing prefix (`/pods/pod-0`) from a request URL; other URLs pass unchanged. */
export function stripPrefix(url: string, prefix: string): string {
  if (!prefix || !url.startsWith(prefix)) return url;
  const rest = url.slice(prefix.length);
  if (rest === '' || rest.startsWith('?')) return `/${rest}`;
  return rest.startsWith('/') ? rest : url;
}

/** helmet's headers, with a policy that fits the game client (WebSocket, WebGL, audio). */
export const securityHeaders = helmet({
  contentSecurityPolicy: {
    directives: {
      'connect-src': ["'self'", 'ws:', 'wss:'],
      'img-src': ["'self'", 'data:', 'blob:'],
      'media-src': ["'self'", 'data:', 'blob:'],
      'worker-src': ["'self'", 'blob:'],
      // Plain-HTTP installs (a LAN box running `npm start`) must keep working: behind TLS every URL
      // is same-origin and relative already, so upgrading buys nothing and breaks plain HTTP.
      'upgrade-insecure-requests': null,
    },
  },
});

/** How the pipeline treats requests. */
export interface PipelineOptions {
  /** Routing prefix to strip (the path of `PUBLIC_ADDRESS`), '' for none. */
  prefix: string;
  /** `TRUSTED_PROXY_HOPS`: proxies whose `X-Forwarded-For` entries are believed. */
  trustedProxyHops: number;
}

/**
 * Puts one listener in front of everything the HTTP server does: it strips the public-address
 * path prefix (behind an ingress that routes `/pods/pod-0/...` to this pod) from HTTP requests and
 * WebSocket upgrades, writes the client address into `CLIENT_ADDRESS_HEADER` (replacing whatever
 * the client sent), refuses bodies above `MAX_MATCHMAKE_BODY_BYTES` with 413 before reading them,
 * and adds the security headers to every response, Colyseus's matchmaking routes included. Call
 * after `listen()`, once Colyseus and express have attached their listeners.
 */
export function installRequestPipeline(server: HttpServer, options: PipelineOptions): void {
  const { prefix, trustedProxyHops } = options;
  const listeners = server.listeners('request') as Listener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    req.url = stripPrefix(req.url ?? '/', prefix);
    req.headers[CLIENT_ADDRESS_HEADER] = addressKey(clientAddress(req, trustedProxyHops));
    securityHeaders(req, res, () => {
      readLimitedBody(req, res, MAX_MATCHMAKE_BODY_BYTES, () => {
        for (const l of listeners) l.call(server, req, res);
      });
    });
  });
  server.prependListener('upgrade', (req: IncomingMessage) => {
    req.url = stripPrefix(req.url ?? '/', prefix);
    req.headers[CLIENT_ADDRESS_HEADER] = addressKey(clientAddress(req, trustedProxyHops));
  });
}
