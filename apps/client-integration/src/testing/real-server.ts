// Test support: the real game server as a child process (`@tengen/test-kit`'s `startServerProcess`, as in
// production) and a real SDK connection to it. Apps are imported by nobody, so the client's tests
// start the server's entry point rather than importing it.
import { Client, type Room } from '@colyseus/sdk';
import { Game } from '@tengen/engine';
import { ROOM, type GameMode, type RoomStateShape } from '@tengen/protocol';
import { PacedGame, pollUntil, testClientOptions } from '@tengen/test-kit';
import type { GameStart, SoloBackend } from '@tengen/client/game/backend.ts';
import { linkRoom, type RoomLink } from '@tengen/client/net/room-link.ts';

// The server as a process with a fresh database on a free port (the test kit's one helper).
export {
  freePort,
  startServerProcess as startServer,
  type ServerProcess as RealServer,
} from '@tengen/test-kit';

/** A joined room: the SDK room (to reach below the client, e.g. drop its socket) and the client's link over it. */
export interface Joined {
  room: Room<unknown, RoomStateShape>;
  link: RoomLink;
}

/**
 * Joins a room through the SDK as `ColyseusNet` does and wraps it with the production `linkRoom`.
 * `watchSelf` makes the server sync this player's own game projection, so a test can see which
 * frame the server has reached.
 */
export async function joinRoom(url: string, how: GameMode = 'solo'): Promise<Joined> {
  const client = new Client(url, testClientOptions());
  const room =
    how === 'solo'
      ? await client.create<RoomStateShape>(ROOM.solo, { watchSelf: true })
      : await client.joinOrCreate<RoomStateShape>(ROOM.duo, { watchSelf: true });
  return { room, link: linkRoom(room) };
}

/**
 * Starts a solo game at `level` through `backend` as the solo screen does, and hands it to the test
 * kit's `PacedGame` (the one pacing loop of every network test player): each frame it steps goes to
 * `backend.frame` and the top-out to `backend.gameOver`, so the client code under test does the
 * batching and sending. `backend.start` gets the frames recorded so far, as the screen gives it.
 */
export async function beginSolo(
  backend: SoloBackend,
  level: number,
): Promise<{ start: GameStart; paced: PacedGame }> {
  const made: { paced?: PacedGame } = {};
  const start = await backend.start(level, () => made.paced?.recorded() ?? []);
  const paced = new PacedGame(new Game(start), {
    onFrame: (frame, buttons) => backend.frame(frame, buttons),
    onTopOut: () => backend.gameOver(),
  });
  made.paced = paced;
  return { start, paced };
}

/** Resolves with the value of `check` once it holds, polling it (state patches, messages, notices); fails after `timeoutMs`. */
export function until<T>(
  what: string,
  check: () => T | undefined | null | false,
  timeoutMs = 15_000,
): Promise<T> {
  return pollUntil(what, check, timeoutMs, 20);
}
