import {
  PLAYER_RECENT_GAMES,
  validateName,
  type PlayerGameLine,
  type PlayerResponse,
  type ScoreLine,
} from '@tengen/protocol';
import type { PlayerGameEntry, ScoreEntry, ScoreStore } from '@tengen/scores';
import { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type * as z from 'zod';
import {
  claimRequestSchema,
  codeRequestSchema,
  type MoveAnswer,
  type NameRegistry,
} from '../names/name-registry.ts';
import { CLIENT_ADDRESS_HEADER } from './client-address.ts';
import { errorBody } from './scores-routes.ts';

/** A stored game as an API line. */
export function scoreLine(e: ScoreEntry): ScoreLine {
  return { ...e, at: e.at.toISOString() };
}

/** A player page's game as an API line, with its statistics. */
function playerLine(e: PlayerGameEntry): PlayerGameLine {
  return { ...e, at: e.at.toISOString() };
}

/**
 * The request body (pre-read as text by the request pipeline, at most 4 KB) checked against
 * `schema`. The error names the field, never the value: bodies carry name keys and codes.
 */
function readBody<S extends z.ZodType>(req: Request, schema: S): z.infer<S> | string {
  let json: unknown;
  try {
    json = typeof req.body === 'string' ? JSON.parse(req.body) : req.body;
  } catch {
    return 'the body is not JSON';
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.length
    ? issue.path.join('.')
    : issue?.code === 'unrecognized_keys'
      ? issue.keys.join(', ')
      : 'body';
  return `bad field ${field}: ${issue?.message ?? 'invalid'}`;
}

/**
 * Player pages and names that belong to someone: `GET /api/players/:name`, `POST /api/names/code`
 * `{ name, key }` and `POST /api/names/claim` `{ name, code, key? }`. Keys and codes travel only in
 * bodies (never in URLs, which proxies log) and are never logged here.
 */
export function namesRouter(store: ScoreStore, registry: NameRegistry, log: Logger): Router {
  const router = Router();

  router.get('/players/:name', async (req: Request<{ name: string }>, res: Response) => {
    const name = validateName(req.params.name);
    if (!name.ok) {
      res.status(400).json(errorBody(`bad player name: ${name.error}`));
      return;
    }
    try {
      const [games, held] = await Promise.all([
        store.playerGames(name.name, PLAYER_RECENT_GAMES),
        store.nameStatus(name.name, '').then((s) => s !== 'free'),
      ]);
      const body: PlayerResponse = {
        name: name.name,
        held,
        best: games.best.map(playerLine),
        recent: games.recent.map(playerLine),
      };
      res.set('Cache-Control', 'no-cache').json(body);
    } catch (err) {
      log.error({ err }, 'reading a player page failed');
      res.status(503).json(errorBody('player pages are unavailable, try again'));
    }
  });

  const move =
    <S extends z.ZodType, T>(
      schema: S,
      run: (address: string, input: z.infer<S>) => Promise<MoveAnswer<T>>,
    ) =>
    async (req: Request, res: Response) => {
      res.set('Cache-Control', 'no-store');
      const input = readBody(req, schema);
      if (typeof input === 'string') {
        res.status(400).json(errorBody(input));
        return;
      }
      try {
        const answer = await run(req.header(CLIENT_ADDRESS_HEADER) ?? 'unknown', input);
        if (answer.ok) res.json(answer.body);
        else res.status(answer.status).json(errorBody(answer.message));
      } catch (err) {
        log.error({ err: err instanceof Error ? err.message : 'unknown' }, 'moving a name failed');
        res.status(503).json(errorBody('Names cannot be moved right now, try again.'));
      }
    };

  router.post(
    '/names/code',
    move(codeRequestSchema, (a, i) => registry.requestCode(a, i)),
  );
  router.post(
    '/names/claim',
    move(claimRequestSchema, (a, i) => registry.claim(a, i)),
  );
  return router;
}
