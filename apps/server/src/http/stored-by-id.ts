import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { errorBody } from './error-body.ts';

/** Stored game ids (`newGameId` in `@tengen/scores`): a game's replay and its page share the id. */
export const STORED_GAME_ID = /^[a-z2-9]{12}$/;

/** One kind of stored item served by id (a game's facts, its replay). */
export interface StoredItem<T> {
  /** Its name in a 404, e.g. `replay` in `no replay "abc"`. */
  noun: string;
  /** Reads it; `undefined` when no item has that id. */
  read(id: string): Promise<T | undefined>;
  /** Writes the found item (the immutable Cache-Control header is already set). */
  send(res: Response, item: T): void;
  /** The log line when the read fails, e.g. `reading a replay failed`. */
  failure: string;
  /** The 503's message to the player, e.g. `replays are unavailable, try again`. */
  unavailable: string;
}

/**
 * The handler of `GET .../:id` for a stored item: 404 for an id that cannot be one (without a
 * store read) or that names none, the item with a year of immutable cache (a stored game never
 * changes), and 503 when the store fails.
 */
export function storedItemHandler<T>(item: StoredItem<T>, log: Logger) {
  return async (req: Request<{ id: string }>, res: Response): Promise<void> => {
    const id = req.params.id;
    if (!STORED_GAME_ID.test(id)) {
      res.status(404).json(errorBody(`no ${item.noun} ${JSON.stringify(id.slice(0, 40))}`));
      return;
    }
    try {
      const found = await item.read(id);
      if (found === undefined) {
        res.status(404).json(errorBody(`no ${item.noun} ${JSON.stringify(id)}`));
        return;
      }
      res.set('Cache-Control', 'public, max-age=31536000, immutable');
      item.send(res, found);
    } catch (err) {
      log.error({ err, id }, item.failure);
      res.status(503).json(errorBody(item.unavailable));
    }
  };
}
