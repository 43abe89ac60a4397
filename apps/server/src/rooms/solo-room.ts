import { GameRoom } from './game-room.ts';

/** One player alone: create with `client.create('solo')`. */
export abstract class SoloRoom extends GameRoom {
  readonly mode = 'solo';
  override maxClients = 1;
}
