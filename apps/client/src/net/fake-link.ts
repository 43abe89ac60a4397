import type { ClientMessageType, ClientPayload, RoomStateShape, ServerMessage } from '@tengen/protocol';
import type { LeaveReason, RoomEvents, RoomLink } from './room-link.ts';

/** A sent client message as the fake records it. */
export interface Sent {
  type: ClientMessageType;
  payload: unknown;
}

/**
 * An in-memory `RoomLink` for tests: records what the client sends and lets the test play the
 * server (`serverSends`, `setState`, `drop`, `leaveWith`).
 */
export class FakeLink implements RoomLink {
  readonly sessionId = 'me';
  readonly roomId = 'room1';
  state: RoomStateShape | null = null;
  readonly sent: Sent[] = [];
  left = false;
  readonly #l: { [K in keyof RoomEvents]: Set<RoomEvents[K]> } = {
    message: new Set(),
    state: new Set(),
    drop: new Set(),
    reconnect: new Set(),
    leave: new Set(),
  };

  send<T extends ClientMessageType>(type: T, payload: ClientPayload<T>): void {
    this.sent.push({ type, payload });
  }
  on<K extends keyof RoomEvents>(event: K, fn: RoomEvents[K]): () => void {
    const set = this.#l[event] as Set<RoomEvents[K]>;
    set.add(fn);
    return () => set.delete(fn);
  }
  async leave(): Promise<void> {
    this.left = true;
  }

  /** Messages of one type the client sent. */
  sentOf<T extends ClientMessageType>(type: T): ClientPayload<T>[] {
    return this.sent.filter((s) => s.type === type).map((s) => s.payload as ClientPayload<T>);
  }
  serverSends(m: ServerMessage): void {
    for (const fn of this.#l.message) fn(m);
  }
  setState(s: RoomStateShape): void {
    this.state = s;
    for (const fn of this.#l.state) fn(s);
  }
  drop(): void {
    for (const fn of this.#l.drop) fn();
  }
  reconnect(): void {
    for (const fn of this.#l.reconnect) fn();
  }
  leaveWith(reason: LeaveReason, code: number, message = ''): void {
    for (const fn of this.#l.leave) fn(reason, code, message);
  }
}
