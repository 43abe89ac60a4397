import { matchMaker, type Presence } from '@colyseus/core';

/** How long a leaving mark lives: longer than any preStop plus drain, gone by itself after. */
export const LEAVING_TTL_SECONDS = 600;

const leavingKey = (processId: string) => `tengen:leaving:${processId}`;

/**
 * Which process creates a new room: the one with the fewest rooms, as Colyseus chooses, among the
 * processes that are not leaving. A pod being replaced leaves the load balancer (its per-pod path
 * answers 503) before SIGTERM reaches it; without this, other processes kept sending new players
 * to it during the preStop pause, and each of them failed to connect and had to match again (the
 * cluster test's rolling restart: waits of 17 s). When every process is leaving, this one.
 */
export function roomCreationChooser(presence: Presence): () => Promise<string> {
  return async () => {
    const all = await matchMaker.stats.fetchAll();
    const marks = await Promise.all(all.map((s) => presence.exists(leavingKey(s.processId))));
    const open = all.filter((_, i) => !marks[i]);
    open.sort((a, b) => a.roomCount - b.roomCount);
    return open[0]?.processId ?? matchMaker.processId;
  };
}

/**
 * Marks this process as leaving: no other process sends it new rooms from now on (its running
 * games go on). Called at the start of the preStop hook (`/leave` on the metrics port) and of the
 * drain (SIGTERM), whichever comes first.
 */
export async function markLeaving(presence: Presence): Promise<void> {
  await presence.setex(leavingKey(matchMaker.processId), '1', LEAVING_TTL_SECONDS);
}
