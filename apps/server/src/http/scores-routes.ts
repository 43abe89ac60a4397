import {
  BOARD_PERIODS,
  GAME_MODES,
  periodStart,
  SCOREBOARD_DEFAULT_LIMIT,
  SCOREBOARD_MAX_LIMIT,
  START_FILTERS,
  type ScoresResponse,
} from '@tengen/protocol';
import type { BoardFilter, ScoreStore } from '@tengen/scores';
import { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import * as z from 'zod';
import { errorBody } from './error-body.ts';
import { storedItemHandler } from './stored-by-id.ts';

const scoresQuery = z.strictObject({
  mode: z.enum(GAME_MODES).default('solo'),
  period: z.enum(BOARD_PERIODS).default('all'),
  // 'all' or a start level 0-19, spelled exactly so ("", "018", "1e1" are refused).
  start: z
    .enum(START_FILTERS.map(String) as [string, ...string[]])
    .default('all')
    .transform((s) => (s === 'all' ? ('all' as const) : Number(s))),
  limit: z.coerce.number().int().min(1).max(SCOREBOARD_MAX_LIMIT).default(SCOREBOARD_DEFAULT_LIMIT),
});

/** The JSON body of an HTTP error (defined in error-body.ts; the routes import it from here). */
export { errorBody };

/**
 * Read-only score API: `GET /api/scores?mode=solo|duo&period=today|week|all&start=all|0..19&limit=1..SCOREBOARD_MAX_LIMIT`
 * (periods in UTC, see `periodStart`) and `GET /api/replays/:id`.
 * Scores only ever enter through a finished game in a room; no endpoint accepts one.
 */
export function scoresRouter(store: ScoreStore, log: Logger): Router {
  const router = Router();

  router.get('/scores', async (req: Request, res: Response) => {
    const parsed = scoresQuery.safeParse(req.query);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.length
        ? issue.path.join('.')
        : String(issue?.code === 'unrecognized_keys' ? issue.keys.join(', ') : 'query');
      res
        .status(400)
        .json(errorBody(`bad query parameter ${field}: ${issue?.message ?? 'invalid'}`));
      return;
    }
    const { mode, period, start, limit } = parsed.data;
    const since = periodStart(period, new Date());
    const filter: BoardFilter = {};
    if (since) filter.since = since;
    if (start !== 'all') filter.startLevel = start;
    try {
      const entries = await store.topScores(mode, limit, filter);
      const body: ScoresResponse = {
        mode,
        period,
        start,
        since: since?.toISOString() ?? null,
        scores: entries.map((e) => ({ ...e, at: e.at.toISOString() })),
      };
      res.set('Cache-Control', 'no-cache');
      res.json(body);
    } catch (err) {
      log.error({ err, mode }, 'reading the scoreboard failed');
      res.status(503).json(errorBody('the scoreboard is unavailable, try again'));
    }
  });

  router.get(
    '/replays/:id',
    storedItemHandler(
      {
        noun: 'replay',
        read: (id) => store.getReplay(id),
        send: (res, replay) => res.type('application/json').send(replay),
        failure: 'reading a replay failed',
        unavailable: 'replays are unavailable, try again',
      },
      log,
    ),
  );

  router.use((req: Request, res: Response) => {
    res.status(404).json(errorBody(`no such endpoint: ${req.method} /api${req.path}`));
  });
  return router;
}
