import { JoinError, type NetClient } from './net-client.ts';
import type { ResumeStore } from './resume-store.ts';
import type { RoomLink } from './room-link.ts';

/**
 * How long a reloaded page keeps asking for its seat while the server still sees the old page's
 * socket as connected. A closed socket is noticed within milliseconds; one that died silently (the
 * network changed under the old page) only after the server's unanswered pings: up to 3 pings 3 s
 * apart, hence 10 s. A seat held by another open tab is reported after this long.
 */
export const RESUME_RETRY_MS = 10_000;
const RETRY_EVERY_MS = 250;

/** What became of an attempt to take a remembered seat back. */
export type ResumeOutcome =
  /** Seated again; the server sends `resume` next when a game was running. */
  | { kind: 'resumed'; link: RoomLink }
  /** Nothing remembered, or the seat is gone (window over, room closed): join normally. */
  | { kind: 'none' }
  /** The seat stayed connected elsewhere (another tab) for the whole retry time. */
  | { kind: 'inUse'; message: string };

/**
 * Takes back this browser's seat in `roomId` with its stored reconnection token, retrying while the
 * server refuses because the seat is still connected. A token the server refuses otherwise is
 * forgotten.
 */
export async function resumeSeat(
  net: NetClient,
  resume: ResumeStore,
  roomId: string,
  retryMs = RESUME_RETRY_MS,
): Promise<ResumeOutcome> {
  const entry = resume.get(roomId);
  if (entry === null) return { kind: 'none' };
  const deadline = Date.now() + retryMs;
  for (;;) {
    try {
      return { kind: 'resumed', link: await net.reconnect(entry.token) };
    } catch (err) {
      const failure = err instanceof JoinError ? err.failure : null;
      if (failure?.kind !== 'inUse') {
        // Kept when the server was merely unreachable: the seat may still be there on the next try.
        if (failure?.kind !== 'unreachable') resume.forget(roomId);
        return { kind: 'none' };
      }
      if (Date.now() >= deadline) return { kind: 'inUse', message: failure.message };
      await new Promise((r) => setTimeout(r, RETRY_EVERY_MS));
    }
  }
}
