import { matchMaker } from '@colyseus/core';
import { uniqueRoomCode } from '../game/seed.ts';
import { GameRoom } from './game-room.ts';

/**
 * Two players, same piece sequence. Quick match: `client.joinOrCreate('duo')`. Private:
 * `client.create('duo', { private: true })` gives a room whose id is a short code (`state.code`);
 * the friend joins with `client.joinById(code)`. Private rooms are never quick-matched.
 */
export abstract class DuoRoom extends GameRoom {
  readonly mode = 'duo';
  override maxClients = 2;

  protected override async roomCode(options: unknown): Promise<string> {
    if ((options as { private?: unknown } | null)?.private !== true) return '';
    // One lookup by id (a Redis HEXISTS when scaled out), never a scan of every listed room.
    const code = await uniqueRoomCode(async (c) => await matchMaker.driver.has(c));
    this.roomId = code;
    await this.setPrivate(true);
    return code;
  }
}
