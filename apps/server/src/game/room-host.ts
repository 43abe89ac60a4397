import type { GameRoomState } from './room-state.ts';

/** What the room must do after a player left, as far as hosting goes. */
export type HostLeaveOutcome =
  /** Nothing: a public room, a guest, or the last player. */
  | { kind: 'none' }
  /** The host left during play: the others finish their games; nobody new may join. */
  | { kind: 'closeAfterPlay' }
  /** The host left before play: tell the others and close the room now. */
  | { kind: 'closeNow' };

/**
 * Private rooms belong to their host, the player who created them: only the host may close the
 * room, and the room closes when the host leaves for good. Plain functions over the room state
 * (no Colyseus), used by `Match`.
 */
export const RoomHost = {
  /** Seats the first player of a private room as its host. */
  claim(state: GameRoomState, id: string): void {
    if (state.code !== '' && state.host === '') state.host = id;
  },

  /** Why `id` may not close the room now, or null when it may. */
  closeRefusal(
    state: GameRoomState,
    id: string,
  ): { code: 'notHost' | 'wrongPhase'; message: string } | null {
    if (state.code === '' || state.host !== id)
      return { code: 'notHost', message: 'only the host of a private room can close it' };
    if (state.phase === 'playing')
      return {
        code: 'wrongPhase',
        message: 'a game is running: the room can be closed before a game starts; leave instead',
      };
    return null;
  },

  /** What happens when `id` leaves for good (called before the player's entry is removed). */
  onLeave(state: GameRoomState, id: string): HostLeaveOutcome {
    if (state.code === '' || state.host !== id) return { kind: 'none' };
    let others = 0;
    state.players.forEach((p, other) => {
      if (other !== id && !p.left) others++;
    });
    if (others === 0) return { kind: 'none' };
    return state.phase === 'playing' ? { kind: 'closeAfterPlay' } : { kind: 'closeNow' };
  },
};
