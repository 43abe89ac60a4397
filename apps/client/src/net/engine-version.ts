import { isEngineVersion, type EngineVersion } from '@tengen/engine';

/** What the player reads when the server plays rules this page does not have (a page older than the server). */
export const OUTDATED_PAGE_MESSAGE =
  'This page is older than the game on the server. Reload the page to play.';

/**
 * The rules version of a game the server starts (`start.engineVersion`), checked at the boundary:
 * this page plays it only if its engine runs that version; otherwise it throws with a message for
 * the player (the server decides the version, always its newest; the page never picks one).
 */
export function serverEngineVersion(v: unknown): EngineVersion {
  if (!isEngineVersion(v)) throw new Error(OUTDATED_PAGE_MESSAGE);
  return v;
}
