import type { Room } from '@colyseus/sdk';
import type {
  ClientMessageType,
  ClientPayload,
  RoomStateShape,
  ServerMessage,
} from '@tengen/protocol';

/** Why a room connection ended, in the client's words. */
export type LeaveReason = 'consented' | 'serverShutdown' | 'kicked' | 'failed';

/** Events a room connection reports. */
export interface RoomEvents {
  /** A server message (already tagged with its `type`). */
  message(m: ServerMessage): void;
  /** The synchronised state changed. */
  state(s: RoomStateShape): void;
  /** The connection dropped; the SDK is trying to reconnect. */
  drop(): void;
  /** The connection is back (the server sends `resume` next). */
  reconnect(): void;
  /** The room is gone for good. */
  leave(reason: LeaveReason, code: number, message: string): void;
}

/**
 * The one place that knows the Colyseus SDK's room API: typed sends of protocol messages and typed
 * events. Screens talk to this interface, so a protocol or SDK change is absorbed here.
 */
export interface RoomLink {
  readonly sessionId: string;
  readonly roomId: string;
  /** `roomId:token`: takes this seat back with `client.reconnect` after a drop (changes on each reconnection). */
  readonly reconnectionToken: string;
  /** The current state, or null before the first patch. */
  readonly state: RoomStateShape | null;
  send<T extends ClientMessageType>(type: T, payload: ClientPayload<T>): void;
  /** Subscribes to events; returns the unsubscribe function. */
  on<K extends keyof RoomEvents>(event: K, fn: RoomEvents[K]): () => void;
  /** Leaves on purpose. */
  leave(): Promise<void>;
}

function leaveReason(code: number): LeaveReason {
  if (code === 4000 || code === 1000) return 'consented';
  if (code === 4001) return 'serverShutdown';
  if (code >= 4400 && code < 4500) return 'kicked';
  return 'failed';
}

/** Wraps a joined Colyseus room as a `RoomLink`. */
export function linkRoom(room: Room): RoomLink {
  const listeners: { [K in keyof RoomEvents]: Set<RoomEvents[K]> } = {
    message: new Set(),
    state: new Set(),
    drop: new Set(),
    reconnect: new Set(),
    leave: new Set(),
  };
  let left = false;
  // The SDK only reconnects rooms older than 5 s by default; a game can drop in its first seconds too.
  room.reconnection.minUptime = 1000;
  room.onMessage('*', (type, payload) => {
    const m = { ...(payload as object), type } as ServerMessage;
    for (const fn of listeners.message) fn(m);
  });
  room.onStateChange((s) => {
    for (const fn of listeners.state) fn(s as RoomStateShape);
  });
  room.onDrop(() => listeners.drop.forEach((fn) => fn()));
  room.onReconnect(() => listeners.reconnect.forEach((fn) => fn()));
  room.onLeave((code, reason) => {
    left = true;
    for (const fn of listeners.leave) fn(leaveReason(code), code, reason ?? '');
  });
  return {
    get sessionId() {
      return room.sessionId;
    },
    get roomId() {
      return room.roomId;
    },
    get reconnectionToken() {
      return room.reconnectionToken;
    },
    get state() {
      return (room.state as RoomStateShape | undefined) ?? null;
    },
    send(type, payload) {
      if (!left) room.send(type, payload);
    },
    on(event, fn) {
      const set = listeners[event] as Set<typeof fn>;
      set.add(fn);
      return () => set.delete(fn);
    },
    async leave() {
      if (left) return;
      left = true;
      await room.leave(true).catch(() => undefined);
    },
  };
}

/** The room's state once the first patch has arrived (null if the room is left first). */
export function firstState(link: RoomLink): Promise<RoomStateShape | null> {
  return new Promise((resolve) => {
    if (link.state?.players) return resolve(link.state);
    const offs = [
      link.on('state', (s) => {
        if (!s.players) return;
        offs.forEach((f) => f());
        resolve(s);
      }),
      link.on('leave', () => {
        offs.forEach((f) => f());
        resolve(null);
      }),
    ];
  });
}
