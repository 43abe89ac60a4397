import type { Attempt, GameRecord } from './crowd.ts';
import type { SlotEvent } from './fleet.ts';

/** The ids of the stored games the bots were told about (`submitted` or `submitQueued`). */
export function submittedIds(games: readonly GameRecord[]): string[] {
  return games.flatMap((g) =>
    g.outcome.kind === 'stored' || g.outcome.kind === 'queued' ? [g.outcome.replayId] : [],
  );
}

/**
 * A refusal that is the bots' machine's doing, not the cluster's: on a starved CPU a bot sends its
 * frames late, and the server's real-time rule unranks the game, as it must. Counted, not lost.
 */
export function unrankedSlow(g: GameRecord): boolean {
  return (
    g.outcome.kind === 'refused' &&
    g.outcome.code === 'unranked' &&
    g.outcome.message.includes('slower than real time')
  );
}

/** Games neither stored nor refused as too slow (`unrankedSlow`): lost, or refused for another reason. */
export function notStored(games: readonly GameRecord[]) {
  return games
    .filter((g) => g.outcome.kind !== 'stored' && g.outcome.kind !== 'queued' && !unrankedSlow(g))
    .map((g) => ({ bot: g.bot, slot: g.slot, ...g.outcome }));
}

/** Games by outcome kind, and the longest and median match waits, for the printed figures. */
export function summarize(games: readonly GameRecord[]) {
  const waits = games.map((g) => g.waitMs).sort((a, b) => a - b);
  const count = (kind: GameRecord['outcome']['kind']) =>
    games.filter((g) => g.outcome.kind === kind).length;
  return {
    games: games.length,
    solo: games.filter((g) => g.mode === 'solo').length,
    duo: games.filter((g) => g.mode === 'duo').length,
    stored: count('stored'),
    queued: count('queued'),
    refused: count('refused'),
    unrankedTooSlow: games.filter(unrankedSlow).length,
    lost: count('lost'),
    longestWaitMs: Math.round(waits.at(-1) ?? 0),
    medianWaitMs: Math.round(waits[Math.floor(waits.length / 2)] ?? 0),
    gamesPerSlot: [0, 1, 2].map((i) => games.filter((g) => g.slot === i).length),
  };
}

/** Whether `slot` was out of service at `at`: after its leave or kill, before its next ready. */
export function leavingAt(events: readonly SlotEvent[], slot: number, at: number): boolean {
  let leaving = false;
  for (const e of events) {
    if (e.at > at) break;
    if (e.slot === slot) leaving = e.kind !== 'ready';
  }
  return leaving;
}

/**
 * Where one wait went, in ms: failed calls (and the pause after each), rooms that closed under
 * the bot on a leaving process or elsewhere, and, in the room that started, the call and the time
 * alone waiting for a partner.
 */
export function waitParts(g: GameRecord, events: readonly SlotEvent[]) {
  const parts = { failedCalls: 0, onLeaving: 0, requeuedElsewhere: 0, lastCall: 0, alone: 0 };
  for (const a of g.attempts) {
    const held = a.took + (a.heldMs ?? 0);
    if (a.error !== undefined) parts.failedCalls += a.took;
    else if (a.ended === 'start') {
      parts.lastCall += a.took;
      parts.alone += a.aloneMs ?? 0;
    } else if (leavingAt(events, a.slot ?? -1, a.joinedAt ?? 0)) parts.onLeaving += held;
    else parts.requeuedElsewhere += held;
  }
  return parts;
}

/** One matchmaking call as printed: was its room on a leaving process, and how it ended. */
function call(a: Attempt, events: readonly SlotEvent[]) {
  const leaving =
    a.slot === undefined ? undefined : leavingAt(events, a.slot, a.joinedAt ?? Infinity);
  return {
    at: a.at,
    took: a.took,
    ...(a.error === undefined ? {} : { error: a.error.slice(0, 80) }),
    ...(a.slot === undefined ? {} : { slot: a.slot, leaving }),
    ...(a.aloneMs ? { aloneMs: a.aloneMs } : {}),
    ...(a.ended ? { ended: a.ended, heldMs: a.heldMs } : {}),
  };
}

/** The `n` longest match waits: where each went (`waitParts`) and every matchmaking call. */
export function slowest(games: readonly GameRecord[], n: number, events: readonly SlotEvent[]) {
  return [...games]
    .sort((a, b) => b.waitMs - a.waitMs)
    .slice(0, n)
    .map((g) => ({
      mode: g.mode,
      slot: g.slot,
      startedAt: Math.round(g.startedAt - g.waitMs),
      waitMs: Math.round(g.waitMs),
      parts: waitParts(g, events),
      calls: g.attempts.map((a) => call(a, events)),
    }));
}

/**
 * Waits over `overMs` by their largest part (`waitParts`), per mode: what the long waits come from.
 */
export function longWaitCauses(
  games: readonly GameRecord[],
  events: readonly SlotEvent[],
  overMs: number,
) {
  const counts: Record<string, number> = {};
  for (const g of games) {
    if (g.waitMs <= overMs) continue;
    const parts = Object.entries(waitParts(g, events)).sort((a, b) => b[1] - a[1]);
    const key = `${g.mode}: ${parts[0]![0]}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** Failed matchmaking calls (each retried) by error, room ids blanked: `{ error: count }`. */
export function retryCounts(errors: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of errors) {
    const key = e
      .replace(/^bot \d+ at \d+: /, '')
      .replace(/, \d+ ms\)$/, ')')
      .replace(/[A-Za-z0-9_-]{9} is already full/, 'ROOM is already full');
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
