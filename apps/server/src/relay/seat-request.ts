import type { WatchResponse } from '@tengen/protocol';
import * as z from 'zod';
import { relayAuthorization } from './relay-protocol.ts';

/** How long a game server waits for a relay (and a relay for a game server) to hand out a seat. */
export const SEAT_REQUEST_TIMEOUT_MS = 5_000;

const reservationSchema = z.object({
  name: z.string().min(1).max(64),
  roomId: z.string().min(1).max(64),
  sessionId: z.string().min(1).max(64),
  processId: z.string().max(64).optional(),
  publicAddress: z.string().max(300).optional(),
  devMode: z.boolean().optional(),
});
const answerSchema = z.union([
  z.object({ reservation: reservationSchema }),
  z.object({ error: z.string().max(300) }),
]);

/** What the other side answered: a seat, or a refusal with its HTTP status and words. */
export type SeatAnswer =
  | { ok: true; reservation: WatchResponse['reservation'] }
  | { ok: false; status: number; error: string };

/**
 * `POST {base}{path}` with the relay secret, read as a seat reservation (validated) or a refusal
 * (`{ error }`). A network failure, a timeout or an answer that is neither is a 503 refusal.
 */
export async function requestSeat(base: string, path: string, secret: string): Promise<SeatAnswer> {
  const unreachable = (why: string): SeatAnswer => ({
    ok: false,
    status: 503,
    error: `The game could not be reached (${why}), try again.`,
  });
  let res: Response;
  try {
    res = await fetch(new URL(path, base), {
      method: 'POST',
      headers: { authorization: relayAuthorization(secret), accept: 'application/json' },
      signal: AbortSignal.timeout(SEAT_REQUEST_TIMEOUT_MS),
    });
  } catch {
    return unreachable('no answer');
  }
  const parsed = answerSchema.safeParse(await res.json().catch(() => null));
  if (!parsed.success) return unreachable(`unreadable answer, HTTP ${res.status}`);
  if ('reservation' in parsed.data && res.ok)
    return { ok: true, reservation: parsed.data.reservation };
  const error = 'error' in parsed.data ? parsed.data.error : 'no seat';
  return { ok: false, status: res.ok ? 503 : res.status, error };
}
