import type { GameInfoResponse } from '@tengen/protocol';
import type { ScoreStore } from '@tengen/scores';
import { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { errorBody } from './scores-routes.ts';

/** Stored game ids (see `newGameId`). */
const GAME_ID = /^[a-z2-9]{12}$/;

/**
 * `GET /api/games/:id`: a stored game's facts for its replay page (player, mode, score, lines,
 * level, start level, frames, engine version, date). The replay itself stays at `/api/replays/:id`.
 */
export function gameRouter(store: ScoreStore, log: Logger): Router {
  const router = Router();
  router.get('/games/:id', async (req: Request<{ id: string }>, res: Response) => {
    const id = req.params.id;
    if (!GAME_ID.test(id)) {
      res.status(404).json(errorBody(`no game ${JSON.stringify(id.slice(0, 40))}`));
      return;
    }
    try {
      const info = await store.gameInfo(id);
      if (info === undefined) {
        res.status(404).json(errorBody(`no game ${JSON.stringify(id)}`));
        return;
      }
      // A stored game never changes.
      const body: GameInfoResponse = { ...info, at: info.at.toISOString() };
      res.set('Cache-Control', 'public, max-age=31536000, immutable').json(body);
    } catch (err) {
      log.error({ err, id }, 'reading a game failed');
      res.status(503).json(errorBody('stored games are unavailable, try again'));
    }
  });
  return router;
}
