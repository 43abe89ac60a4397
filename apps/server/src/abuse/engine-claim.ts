import { ENGINE_VERSION } from '@tengen/engine';
import * as z from 'zod/mini';
import { refusal, type Refusal } from './matchmake-limits.ts';

/** The part of the matchmaking options this check reads; everything else is the rooms' business. */
const claimSchema = z.object({ engineVersion: z.optional(z.unknown()) });

/**
 * A page states the rules version it plays (`{ engineVersion }` in its join options). The server
 * plays every new game under `ENGINE_VERSION` and never lets a page choose older rules (those only
 * re-verify stored games), so a page claiming another version (an old page claiming 1, or a page
 * newer than this server during a deploy) is refused before it takes a seat, and told to reload.
 * A page that states nothing (built before versions existed, or a tool) is let in: it is served
 * the same rules, see docs/rules-versions.md.
 */
export function otherEngineClaim(options: unknown): Refusal | null {
  const parsed = claimSchema.safeParse(options ?? {});
  if (!parsed.success) return null; // not an object: the rooms refuse it with their own errors
  const claim = parsed.data.engineVersion;
  return claim === undefined || claim === ENGINE_VERSION ? null : refusal('otherEngine');
}
