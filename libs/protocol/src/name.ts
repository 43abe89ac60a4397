import { NAME_MAX_LENGTH } from './constants.ts';

/** Longest raw name text looked at (spaces not yet collapsed); anything longer is refused unread. */
export const NAME_RAW_MAX_LENGTH = NAME_MAX_LENGTH * 4;

/** Result of `validateName`: the normalised name, or a message a player can act on. */
export type NameCheck = { ok: true; name: string } | { ok: false; error: string };

const ALLOWED = /^[A-Za-z0-9 _-]+$/;
const FIRST_BAD = /[^A-Za-z0-9 _-]/u;

/**
 * Checks a scoreboard name: trimmed, inner runs of spaces collapsed to one, 1-16 characters of
 * ASCII letters, digits, space, `_` and `-`. Shared by the client (as-you-type feedback) and the
 * server (authoritative).
 */
export function validateName(raw: unknown): NameCheck {
  if (typeof raw !== 'string') return { ok: false, error: 'name must be text' };
  if (raw.length > NAME_RAW_MAX_LENGTH) {
    return { ok: false, error: `name is longer than ${NAME_MAX_LENGTH} characters` };
  }
  const name = raw.trim().replace(/ {2,}/g, ' ');
  if (name.length === 0) return { ok: false, error: 'name is empty' };
  if (!ALLOWED.test(name)) {
    const bad = FIRST_BAD.exec(name)?.[0] ?? '?';
    return {
      ok: false,
      error: `name may only contain letters, digits, spaces, "_" and "-" (found ${JSON.stringify(bad)})`,
    };
  }
  if (name.length > NAME_MAX_LENGTH) {
    return { ok: false, error: `name is longer than ${NAME_MAX_LENGTH} characters` };
  }
  return { ok: true, name };
}
