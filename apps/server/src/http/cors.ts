import { matchMaker } from '@colyseus/core';

/**
 * The CORS headers Colyseus writes on every response (matchmaking and everything behind it):
 * `Access-Control-Allow-Origin` only for an `Origin` in `allowed`, never `*`. With no allowed
 * origins only same-origin pages (which need no CORS) can use the API. Colyseus's controller is
 * process-wide: the latest call wins.
 */
export function configureCors(allowed: readonly string[]): void {
  const origins = new Set(allowed);
  const controller = matchMaker.controller;
  const {
    'Access-Control-Allow-Origin': _any,
    'Access-Control-Allow-Credentials': _credentials,
    ...rest
  } = controller.DEFAULT_CORS_HEADERS;
  controller.DEFAULT_CORS_HEADERS = rest as typeof controller.DEFAULT_CORS_HEADERS;
  controller.getCorsHeaders = (headers: Headers): Record<string, string> => {
    const origin = headers.get('origin');
    return origin !== null && origins.has(origin)
      ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' }
      : { Vary: 'Origin' };
  };
}
