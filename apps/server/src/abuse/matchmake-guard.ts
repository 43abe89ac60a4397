import { ErrorCode, matchMaker, ServerError } from '@colyseus/core';
import type { Logger } from 'pino';
import { CLIENT_ADDRESS_HEADER } from '../http/client-address.ts';
import type { Metrics } from '../metrics.ts';
import { quickMatch } from '../quick-match.ts';
import { otherEngineClaim } from './engine-claim.ts';
import { refusal, type MatchmakeLimits, type Refusal } from './matchmake-limits.ts';

type Invoke = typeof matchMaker.controller.invokeMethod;
type AuthContext = Parameters<Invoke>[3];

/** What the guard needs: the rules and where to report refusals. */
export interface MatchmakeGuardDeps {
  limits: MatchmakeLimits;
  metrics: Metrics;
  log: Logger;
  /**
   * Whether matchmaking can work now (Redis reachable when configured). When it cannot, every call
   * is refused at once with `matchmakingUnavailable` instead of hanging on Redis.
   */
  matchmakingAvailable?: () => boolean;
}

let active: MatchmakeGuardDeps | undefined;
let original: Invoke | undefined;

/**
 * Puts `MatchmakeLimits` in front of every matchmaking call. Colyseus's matchmaker is process-wide,
 * so this wraps its one `controller.invokeMethod` (the HTTP `/matchmake/:method/:room` entry) once
 * and routes to the latest server's limits. The client address comes from the header the request
 * pipeline wrote (`CLIENT_ADDRESS_HEADER`).
 */
export function installMatchmakeGuard(deps: MatchmakeGuardDeps): void {
  active = deps;
  if (original) return;
  const controller = matchMaker.controller;
  const invoke = controller.invokeMethod.bind(controller);
  original = invoke;
  controller.invokeMethod = async (method, roomName, clientOptions, auth) => {
    const guard = active;
    if (!guard) return invoke(method, roomName, clientOptions, auth);
    // Only a watch relay joins as one, through its authenticated seat request.
    if (typeof clientOptions === 'object' && clientOptions !== null && 'relay' in clientOptions)
      throw new ServerError(
        ErrorCode.MATCHMAKE_INVALID_CRITERIA,
        'only a watch relay joins as one',
      );
    const address = addressOf(auth);
    const claim = otherEngineClaim(clientOptions);
    if (claim) throw refuse(guard, claim, method, address);
    if (guard.matchmakingAvailable && !guard.matchmakingAvailable())
      throw refuse(guard, refusal('matchmakingUnavailable'), method, address);
    const refused = guard.limits.admit(method, address, Date.now());
    if (refused) throw refuse(guard, refused, method, address);
    if (method !== 'joinOrCreate') return invoke(method, roomName, clientOptions, auth);
    // Join a room when there is one; only creating one spends the address's creation budget.
    try {
      return await quickMatch(roomName, clientOptions as Record<string, unknown>, () => {
        const noCreate = guard.limits.mayCreate(address, Date.now());
        if (noCreate) throw refuse(guard, noCreate, method, address);
      });
    } catch (err) {
      // As Colyseus's controller answers its own methods' errors.
      const e = err as { code?: number; message?: string };
      throw new ServerError(e.code || ErrorCode.MATCHMAKE_UNHANDLED, e.message);
    }
  };
}

function addressOf(auth: AuthContext): string {
  return auth?.headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown';
}

function refuse(guard: MatchmakeGuardDeps, r: Refusal, method: string, address: string): Error {
  guard.metrics.matchmakeRefusals.inc({ reason: r.reason });
  guard.log.debug({ reason: r.reason, method, address }, 'matchmaking refused');
  return new ServerError(r.code, r.message);
}
