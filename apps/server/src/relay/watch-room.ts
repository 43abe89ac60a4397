import { ErrorCode, Room, ServerError, type Client } from '@colyseus/core';
import { CLOSE_CODE, MAX_SPECTATORS } from '@tengen/protocol';
import type { Logger } from 'pino';
import { ClientGuard } from '../game/client-guard.ts';
import { GameRoomState, newRoomState } from '../game/room-state.ts';
import { interceptFrames, type ClientFrame } from '../rooms/frame-filter.ts';
import { SpectatorOutbox } from '../rooms/spectator-outbox.ts';
import { leanPatchTables, newStateView } from '../game/lean-tables.ts';
import type { Lifecycle } from '../lifecycle.ts';
import { mirrorRoomState } from './state-mirror.ts';
import type { Upstream } from './upstream.ts';
import type { WatchDirectory } from './watch-directory.ts';

/** What watch rooms need from the relay process. */
export interface WatchRoomDeps {
  directory: WatchDirectory;
  log: Logger;
  lifecycle: Lifecycle;
  /** True when the relay is past its connection cap. */
  overfull(): boolean;
}

/** How a watch room closes its watchers when its upstream connection ends with `code`. */
export function watcherCloseCode(code: number): number {
  if (code === CLOSE_CODE.gameEnded || code === CLOSE_CODE.serverShutdown) return code;
  return CLOSE_CODE.gameUnreachable;
}

/**
 * One watched game on the relay: mirrors the game room's state (read through one upstream
 * spectator seat) into a state of the same schema, which its watchers read as a direct spectator
 * would (one shared view, frames batched 4 times a second). Watchers cannot send anything: each
 * message is refused (`error spectating`) and counts toward the same limits as in a game room.
 * Their count goes upstream; when the upstream ends, every watcher is closed with its reason.
 */
export abstract class WatchRoom extends Room<{ state: GameRoomState }> {
  protected abstract readonly deps: WatchRoomDeps;
  override maxClients = MAX_SPECTATORS;
  /** Patches follow upstream changes at once; this interval is a safety net. */
  override patchRate = 1000;
  #gameRoomId = '';
  #upstream!: Upstream;
  readonly #view = newStateView();
  readonly #outbox = new SpectatorOutbox();
  readonly #guards = new Map<string, ClientGuard>();
  #flushQueued = false;
  #ended = false;

  override onCreate(options: { gameRoomId?: unknown }): void {
    const gameRoomId = options.gameRoomId;
    const upstream =
      typeof gameRoomId === 'string' ? this.deps.directory.take(gameRoomId) : undefined;
    if (upstream === undefined || typeof gameRoomId !== 'string')
      throw new ServerError(ErrorCode.MATCHMAKE_INVALID_CRITERIA, 'there is no game to watch');
    this.#gameRoomId = gameRoomId;
    this.#upstream = upstream;
    this.state = newRoomState('solo', '');
    leanPatchTables(this);
    interceptFrames(this, (client, frame, pass) => this.#onFrame(client, frame, pass));
    upstream.attach({
      state: (s) => {
        mirrorRoomState(s, this.state, this.#view);
        this.#flush();
      },
      end: (code) => this.#end(code),
    });
  }

  override onAuth(): boolean {
    if (this.deps.lifecycle.draining)
      throw new ServerError(ErrorCode.MATCHMAKE_UNHANDLED, 'the server is restarting');
    if (this.deps.overfull())
      throw new ServerError(ErrorCode.MATCHMAKE_UNHANDLED, 'the server is full, try again shortly');
    return true;
  }

  override onJoin(client: Client): void {
    this.#guards.set(client.sessionId, new ClientGuard(Date.now()));
    client.view = this.#view;
    this.#outbox.add(client);
    this.#upstream.report(this.#guards.size);
  }

  override onLeave(client: Client): void {
    this.#guards.delete(client.sessionId);
    this.#outbox.remove(client);
    this.#upstream.report(this.#guards.size);
    // The room disposes itself now: the next watcher of this game gets a new one.
    if (this.#guards.size === 0) this.deps.directory.forget(this.#gameRoomId, this.roomId);
  }

  override onDispose(): void {
    this.#ended = true;
    this.deps.directory.forget(this.#gameRoomId, this.roomId);
    this.#outbox.dispose();
    this.#upstream.leave();
  }

  override onUncaughtException(error: Error, method: string): void {
    this.deps.log.error({ err: error, method, room: this.roomId }, 'watch room handler failed');
  }

  /** The game room closed on the relay (game over, shutdown, lost connection): so do the watchers. */
  #end(code: number): void {
    if (this.#ended) return;
    this.#ended = true;
    this.deps.directory.forget(this.#gameRoomId, this.roomId);
    this.broadcastPatch();
    this.#outbox.flush();
    const closeCode = watcherCloseCode(code);
    this.deps.log.info(
      { room: this.roomId, game: this.#gameRoomId, code, closeCode },
      'upstream ended',
    );
    void Promise.resolve(this.disconnect(closeCode)).catch(() => undefined);
  }

  /** Every watcher frame counts toward the flood limit; a message of any kind is refused. */
  #onFrame(client: Client, frame: ClientFrame, pass: () => void): void {
    const guard = this.#guards.get(client.sessionId);
    if (!guard) return;
    const now = Date.now();
    if (guard.onMessage(now) === 'flooding')
      return client.leave(CLOSE_CODE.flooding, 'too many messages: more than 60 per second');
    if (frame.kind === 'control') return pass();
    if (frame.kind === 'data' || frame.kind === 'inputs')
      client.send('error', {
        code: 'spectating',
        message: 'you are watching this game: spectators cannot play',
      });
    const ok = frame.kind === 'malformed' ? guard.onMalformed(now) : guard.onReject(now);
    if (!ok) client.leave(CLOSE_CODE.tooManyErrors, 'too many invalid messages');
  }

  #flush(): void {
    if (this.#flushQueued || this.#ended) return;
    this.#flushQueued = true;
    setImmediate(() => {
      this.#flushQueued = false;
      if (!this.#ended) this.broadcastPatch();
    });
  }
}
