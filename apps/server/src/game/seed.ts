import { randomInt } from 'node:crypto';
import { ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH } from '@tengen/protocol';

/** A fresh piece-sequence seed from the OS's cryptographic source: uint16, never 0. */
export function newSeed(): number {
  return randomInt(1, 0x10000);
}

/**
 * The seed of a room's next game (solo try again, duo rematch): fresh from `source`, and never the
 * previous one, so nobody replays a sequence they have already seen.
 */
export function seedAfter(previous: number, source: () => number = newSeed): number {
  let seed = source();
  for (let i = 0; seed === previous && i < 16; i++) seed = source();
  return seed;
}

/** A random private room code such as `K7QX`. */
export function newRoomCode(): string {
  let code = '';
  for (let i = 0; i < ROOM_CODE_LENGTH; i++)
    code += ROOM_CODE_ALPHABET[randomInt(ROOM_CODE_ALPHABET.length)];
  return code;
}

/** A room code no live room uses yet (checked with `taken`, e.g. against the matchmaker's room cache). */
export async function uniqueRoomCode(
  taken: (code: string) => Promise<boolean>,
  attempts = 20,
): Promise<string> {
  for (let i = 0; i < attempts; i++) {
    const code = newRoomCode();
    if (!(await taken(code))) return code;
  }
  throw new Error(`no free room code after ${attempts} attempts`);
}
