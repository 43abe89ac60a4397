import { MAX_AWAY_SECONDS, MAX_PAUSES_PER_GAME } from './constants.ts';
import type { UnrankedReason } from './server-messages.ts';

/** Every `UnrankedReason` (e.g. for metric labels); the compiler checks none is missing. */
export const UNRANKED_REASONS = [
  'aheadOfClock',
  'behindClock',
  'pauseLimit',
] as const satisfies readonly UnrankedReason[];
type Missing = Exclude<UnrankedReason, (typeof UNRANKED_REASONS)[number]>;
const allListed: Missing extends never ? true : Missing = true;
void allListed;

/**
 * Why a game is unranked, in words a player understands (after "unranked: "): the server's
 * `unranked` message and `submit` refusal and the client's banner all use this text.
 */
export function unrankedText(reason: UnrankedReason): string {
  switch (reason) {
    case 'aheadOfClock':
      return 'this game ran faster than real time';
    case 'behindClock':
      return 'this game ran slower than real time';
    case 'pauseLimit':
      return `this game was paused too long or too often (a ranked game allows ${MAX_PAUSES_PER_GAME} pauses and ${MAX_AWAY_SECONDS} s paused or disconnected in all)`;
    default: {
      const never: never = reason;
      throw new Error(`unknown unranked reason ${String(never)}`);
    }
  }
}
