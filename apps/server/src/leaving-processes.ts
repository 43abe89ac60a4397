import { matchMaker, type Presence } from '@colyseus/core';

/** How long a leaving mark lives: longer than any preStop plus drain, gone by itself after. */
export const LEAVING_TTL_SECONDS = 600;

const leavingKey = (processId: string) => `tengen:leaving:${processId}`;
const warmingKey = (processId: string) => `tengen:warming:${processId}`;

/**
 * Which process creates a new room: the one with the fewest rooms, as Colyseus chooses, among the
 * processes that are neither leaving nor warming up (`markWarmingUp`); when all that stay are
 * warming up (a whole fleet starting), among those. A pod being replaced leaves the load balancer (its per-pod path
 * answers 503) before SIGTERM reaches it; without this, other processes kept sending new players
 * to it during the preStop pause, and each of them failed to connect and had to match again (the
 * cluster test's rolling restart: waits of 17 s). When every process is leaving, this one.
 */
export function roomCreationChooser(presence: Presence): () => Promise<string> {
  return async () => {
    const all = await matchMaker.stats.fetchAll();
    const marked = (key: (id: string) => string) =>
      Promise.all(all.map((s) => presence.exists(key(s.processId))));
    const [leaving, warming] = await Promise.all([marked(leavingKey), marked(warmingKey)]);
    const staying = all.filter((_, i) => !leaving[i]);
    const open = staying.filter((s) => !warming[all.indexOf(s)]);
    const choice = (open.length > 0 ? open : staying).sort((a, b) => a.roomCount - b.roomCount);
    return choice[0]?.processId ?? matchMaker.processId;
  };
}

/**
 * A process that just started takes no new room from any process for `seconds` (its mark lapses
 * by itself): Colyseus lists it as soon as it listens, with the fewest rooms, but players reach
 * its path only once the load balancer routes it. Before this, the cluster test's rolling restart
 * sent players to each new process before nginx routed it: their sockets failed, and a failed
 * player's quick-match seat kept the room's first player waiting alone until it lapsed (16 s).
 */
export async function markWarmingUp(presence: Presence, seconds: number): Promise<void> {
  if (seconds > 0) await presence.setex(warmingKey(matchMaker.processId), '1', seconds);
}

/**
 * Marks this process as leaving: no other process sends it new rooms from now on (its running
 * games go on). Called at the start of the preStop hook (`/leave` on the metrics port) and of the
 * drain (SIGTERM), whichever comes first.
 */
export async function markLeaving(presence: Presence): Promise<void> {
  await presence.setex(leavingKey(matchMaker.processId), '1', LEAVING_TTL_SECONDS);
}
