import type { GameRecord } from './crowd.ts';

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

/** The `n` longest match waits, with their matchmaking calls (ms after the first, duration, error). */
export function slowest(games: readonly GameRecord[], n: number) {
  return [...games]
    .sort((a, b) => b.waitMs - a.waitMs)
    .slice(0, n)
    .map((g) => ({ mode: g.mode, slot: g.slot, waitMs: Math.round(g.waitMs), calls: g.attempts }));
}

/** Failed matchmaking calls (each retried) by error, room ids blanked: `{ error: count }`. */
export function retryCounts(errors: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of errors) {
    const key = e
      .replace(/^bot \d+ at \d+: /, '')
      .replace(/[A-Za-z0-9_-]{9} is already full/, 'ROOM is already full');
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
