import { createHash, randomBytes, randomInt } from 'node:crypto';
import { NAME_CODE_LENGTH, ROOM_CODE_ALPHABET } from '@tengen/protocol';
import { nameKeyOf } from '@tengen/scores';

/** A new browser name key: 32 bytes from the system's cryptographic source, base64url (43 characters). */
export function issueNameKey(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What the database keeps of a key: its SHA-256 (hex). A key has 256 random bits, so a plain hash
 * cannot be reversed or guessed; a slow hash would add nothing.
 */
export function hashNameKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A new move code: `NAME_CODE_LENGTH` symbols of the unambiguous room-code alphabet. */
export function newMoveCode(): string {
  let code = '';
  for (let i = 0; i < NAME_CODE_LENGTH; i++)
    code += ROOM_CODE_ALPHABET[randomInt(ROOM_CODE_ALPHABET.length)];
  return code;
}

/** A code as a person typed it: spaces and dashes dropped, upper case. */
export function normaliseMoveCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

/**
 * What the database keeps of a move code: SHA-256 of the name's claim key and the code, so equal
 * codes of two names differ at rest and a table of precomputed hashes fits one name only.
 */
export function hashMoveCode(name: string, code: string): string {
  return createHash('sha256')
    .update(`${nameKeyOf(name)}\n${code}`, 'utf8')
    .digest('hex');
}
