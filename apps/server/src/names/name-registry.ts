import {
  NAME_CODE_LENGTH,
  NAME_CODE_MAX_FAILURES,
  NAME_CODE_TTL_SECONDS,
  NAME_KEY_PATTERN,
  NAME_MOVES_PER_MINUTE,
  ROOM_CODE_ALPHABET,
  validateName,
  type NameClaimResponse,
  type NameCodeResponse,
} from '@tengen/protocol';
import type { ScoreStore } from '@tengen/scores';
import * as z from 'zod';
import { AddressLimiter } from '../abuse/address-limiter.ts';
import {
  hashMoveCode,
  hashNameKey,
  issueNameKey,
  newMoveCode,
  normaliseMoveCode,
} from './name-keys.ts';

const nameField = z.string().max(64);
const keyField = z.string().max(64).regex(NAME_KEY_PATTERN, 'not a name key');

/** Body of `POST /api/names/code`. */
export const codeRequestSchema = z.strictObject({ name: nameField, key: keyField });

/** Body of `POST /api/names/claim`. */
export const claimRequestSchema = z.strictObject({
  name: nameField,
  code: z.string().max(40),
  key: keyField.optional(),
});

/** What a name-move request gets: a body, or an HTTP status with words for the player. */
export type MoveAnswer<T> =
  { ok: true; body: T } | { ok: false; status: 400 | 403 | 404 | 410 | 429; message: string };

const CODE_SHAPE = new RegExp(`^[${ROOM_CODE_ALPHABET}]{${NAME_CODE_LENGTH}}$`);

/** A refused name-move request (the same for every body type). */
type Refusal = Extract<MoveAnswer<never>, { ok: false }>;

function refuse(status: Refusal['status'], message: string): Refusal {
  return { ok: false, status, message };
}

/**
 * Moving a name to another device, with no HTTP import: the holder asks for a one-time code
 * (`requestCode`), the other device presents it (`claim`). Codes and keys reach the store only
 * hashed. Both requests spend one of `NAME_MOVES_PER_MINUTE` attempts of the client's address.
 */
export class NameRegistry {
  readonly #store: ScoreStore;
  readonly #now: () => number;
  readonly #attempts = new AddressLimiter(NAME_MOVES_PER_MINUTE, NAME_MOVES_PER_MINUTE);

  constructor(store: ScoreStore, now: () => number = Date.now) {
    this.#store = store;
    this.#now = now;
  }

  /**
   * What both requests check first: spends one of the address's attempts (`tooMany` refuses when
   * none is left) and validates the name.
   */
  #admit(address: string, name: string, tooMany: string): { ok: true; name: string } | Refusal {
    if (!this.#attempts.take(address, this.#now())) return refuse(429, tooMany);
    const checked = validateName(name);
    if (!checked.ok) return refuse(400, `That is not a valid name: ${checked.error}.`);
    return { ok: true, name: checked.name };
  }

  /** A new code for the holder of `name` (it replaces any earlier code). */
  async requestCode(
    address: string,
    input: z.infer<typeof codeRequestSchema>,
  ): Promise<MoveAnswer<NameCodeResponse>> {
    const name = this.#admit(
      address,
      input.name,
      'Too many name moves from your network. Wait a minute and try again.',
    );
    if (!name.ok) return name;
    const code = newMoveCode();
    const expiresAt = new Date(this.#now() + NAME_CODE_TTL_SECONDS * 1000);
    const issued = await this.#store.issueNameCode(
      name.name,
      hashNameKey(input.key),
      hashMoveCode(name.name, code),
      expiresAt,
    );
    if (!issued)
      return refuse(
        403,
        `This browser does not hold the name "${name.name}", so it cannot move it.`,
      );
    return { ok: true, body: { name: name.name, code, expiresAt: expiresAt.toISOString() } };
  }

  /** Presents a code: the name moves to the presenting browser (its key, or a new one). */
  async claim(
    address: string,
    input: z.infer<typeof claimRequestSchema>,
  ): Promise<MoveAnswer<NameClaimResponse>> {
    const name = this.#admit(
      address,
      input.name,
      'Too many codes tried from your network. Wait a minute and try again.',
    );
    if (!name.ok) return name;
    const code = normaliseMoveCode(input.code);
    if (!CODE_SHAPE.test(code))
      return refuse(400, `A code has ${NAME_CODE_LENGTH} letters and digits, like K7QXM3PAHD.`);
    const key = input.key ?? issueNameKey();
    const outcome = await this.#store.redeemNameCode(
      name.name,
      hashMoveCode(name.name, code),
      hashNameKey(key),
      NAME_CODE_MAX_FAILURES,
    );
    switch (outcome.kind) {
      case 'moved':
        return { ok: true, body: { name: name.name, key } };
      case 'noCode':
        return refuse(
          404,
          `There is no code for "${name.name}" right now. Ask for one on the device that holds the name.`,
        );
      case 'expired':
        return refuse(410, 'That code has expired. Ask for a new one on your other device.');
      case 'wrong':
        return refuse(
          403,
          `That code is wrong. ${outcome.triesLeft} more wrong ${outcome.triesLeft === 1 ? 'try cancels' : 'tries cancel'} it.`,
        );
      case 'burned':
        return refuse(403, 'That code is wrong, and too many were tried: ask for a new code.');
      default: {
        const never: never = outcome;
        throw new Error(`unknown redeem outcome ${JSON.stringify(never)}`);
      }
    }
  }
}
