import type { Room } from '@colyseus/core';
import { wantsToSpectate } from '../game/spectators.ts';

/** Colyseus's seat reservation, as the matchmaker calls it on the room (an internal method). */
type ReserveSeat = (
  sessionId: string,
  joinOptions?: unknown,
  authData?: unknown,
  seconds?: number,
  allowReconnection?: boolean,
  ...rest: unknown[]
) => Promise<boolean>;

/** The room internals this relies on (`@colyseus/core` 0.18 `Room`). */
interface ReservingRoom {
  _reserveSeat: ReserveSeat;
  /** Pending reservations: [joinOptions, auth, consumed, awaitingReconnection]. */
  _reservedSeats: Record<string, [unknown, unknown, boolean, boolean]>;
  seatReservationTimeout: number;
}

/** What the room says about its seats right now. */
export interface SeatCount {
  /** Seats held by players (connected, or within their reconnection window). */
  taken: number;
  capacity: number;
  /** False once play started or the server drains: no seat is offered then. */
  open: boolean;
}

/**
 * Seats are counted at reservation time, as Colyseus does with `maxClients`: a room's maxClients
 * now includes its spectators, so without this, several quick-match players arriving together
 * would all get a reservation for one seat and all but one would be refused on joining. Player
 * reservations beyond the free seats are refused (the matchmaker then tries another room), and the
 * room is locked once they fill it (`onFull`); if a reservation lapses unused, `onLapsed` runs.
 * `onReserved` runs after a player's reservation that left a seat free.
 * Spectator and reconnection reservations pass through.
 */
export function guardPlayerSeats(
  room: Room,
  seats: () => SeatCount,
  onFull: () => void,
  onLapsed: () => void,
  onReserved: () => void = () => undefined,
): void {
  const r = room as unknown as ReservingRoom;
  const reserve = r._reserveSeat.bind(room);
  const pendingPlayers = () => pendingPlayerSeats(room);
  r._reserveSeat = async (
    sessionId,
    joinOptions,
    authData,
    seconds,
    allowReconnection,
    ...rest
  ) => {
    if (allowReconnection || wantsToSpectate(joinOptions))
      return reserve(sessionId, joinOptions, authData, seconds, allowReconnection, ...rest);
    const s = seats();
    if (!s.open || s.taken + pendingPlayers() >= s.capacity) return false;
    // Registers the reservation synchronously, before any other request is handled.
    const reserved = reserve(sessionId, joinOptions, authData, seconds, allowReconnection, ...rest);
    if (s.taken + pendingPlayers() >= s.capacity) {
      onFull();
      setTimeout(onLapsed, ((seconds ?? r.seatReservationTimeout) + 1) * 1000).unref();
    } else onReserved();
    return reserved;
  };
}

/** Player reservations not yet used (for the unlock decision after one lapses). */
export function pendingPlayerSeats(room: Room): number {
  return Object.values((room as unknown as ReservingRoom)._reservedSeats).filter(
    ([options, , consumed, reconnecting]) =>
      !consumed && !reconnecting && !wantsToSpectate(options),
  ).length;
}
