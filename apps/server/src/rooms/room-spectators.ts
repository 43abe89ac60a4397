import { ErrorCode, ServerError, type Client } from '@colyseus/core';
import type { StateView } from '@colyseus/schema';
import { CLOSE_CODE, type ServerMessage } from '@tengen/protocol';
import type { GameRoomState } from '../game/room-state.ts';
import { isRelay, Spectators } from '../game/spectators.ts';
import { RELAY_WATCHERS_MESSAGE, relayWatchersSchema } from '../relay/relay-protocol.ts';
import { streamlineSends } from './streamline-sends.ts';
import { SpectatorOutbox } from './spectator-outbox.ts';
import { newStateView } from '../game/lean-tables.ts';

/**
 * The Colyseus side of a game room's spectators (browsers watching directly, and watch relays
 * that each stand for many): one shared view of every player's game, frames batched by the
 * `SpectatorOutbox`, every game message refused, a relay's watcher count taken into
 * `state.spectators`, and a clear close (4100) when every player has left.
 */
export class RoomSpectators {
  readonly #spectators: Spectators;
  readonly #view = newStateView();
  readonly #outbox = new SpectatorOutbox();
  readonly #state: GameRoomState;
  readonly #clients: { get(id: string): Client | undefined };

  constructor(state: GameRoomState, clients: { get(id: string): Client | undefined }) {
    this.#state = state;
    this.#clients = clients;
    this.#spectators = new Spectators(state);
  }

  /** True when `client` watches (directly or as a relay) rather than plays. */
  has(id: string): boolean {
    return this.#spectators.has(id);
  }

  /** Admits a spectator (refused past `MAX_SPECTATORS`) onto the shared view, frames batched. */
  join(client: Client, options: unknown): void {
    const admitted = this.#spectators.admit(client.sessionId, isRelay(options));
    if (!admitted.ok) throw new ServerError(ErrorCode.MATCHMAKE_UNHANDLED, admitted.message);
    client.view = this.#view;
    // Queued first, so that the empty-patch filter wraps the queue.
    this.#outbox.add(client);
    streamlineSends(client);
    this.refreshView();
  }

  /** Every player's game projection is in the spectators' view. */
  refreshView(): void {
    this.#state.players.forEach((p) => {
      if (!this.#view.has(p)) this.#view.add(p);
    });
  }

  /** True for the spectators' shared view (players have views of their own). */
  owns(view: StateView | undefined): boolean {
    return view === this.#view;
  }

  leave(client: Client): void {
    this.#spectators.remove(client.sessionId);
    this.#outbox.remove(client);
  }

  /**
   * A message from a spectator: a relay's watcher count is taken (null: nothing to answer);
   * anything else is refused with the `spectating` error to send back.
   */
  onMessage(id: string, type: string | number, payload: unknown): ServerMessage | null {
    if (this.#spectators.isRelay(id) && type === RELAY_WATCHERS_MESSAGE) {
      const parsed = relayWatchersSchema.safeParse(payload);
      if (parsed.success) {
        this.#spectators.report(id, parsed.data.count);
        return null;
      }
    }
    return {
      type: 'error',
      code: 'spectating',
      message: 'you are watching this game: spectators cannot play',
    };
  }

  /** Every player has left: nothing is left to watch. */
  closeAll(): void {
    this.#outbox.flush();
    for (const id of this.#spectators.ids())
      this.#clients.get(id)?.leave(CLOSE_CODE.gameEnded, 'the players have left: the game is over');
  }

  dispose(): void {
    this.#outbox.dispose();
  }
}
