import type { GameInfoResponse } from '@tengen/protocol';
import type { ScoreStore } from '@tengen/scores';
import { Router } from 'express';
import type { Logger } from 'pino';
import { storedItemHandler } from './stored-by-id.ts';

/**
 * `GET /api/games/:id`: a stored game's facts for its replay page (player, mode, score, lines,
 * level, start level, frames, engine version, date). The replay itself stays at `/api/replays/:id`.
 */
export function gameRouter(store: ScoreStore, log: Logger): Router {
  const router = Router();
  router.get(
    '/games/:id',
    storedItemHandler(
      {
        noun: 'game',
        read: (id) => store.gameInfo(id),
        send: (res, info) => {
          const body: GameInfoResponse = { ...info, at: info.at.toISOString() };
          res.json(body);
        },
        failure: 'reading a game failed',
        unavailable: 'stored games are unavailable, try again',
      },
      log,
    ),
  );
  return router;
}
