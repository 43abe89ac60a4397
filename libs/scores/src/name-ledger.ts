import { get, num, run, type Dialect, type Program } from './sql/program.ts';

/** The name is held by another browser key: the game under it is refused. */
export class NameTakenError extends Error {
  override name = 'NameTakenError';
}

/** Who holds a name, seen from one browser key. */
export type NameStatus = 'free' | 'yours' | 'taken';

/** What a move code did. */
export type RedeemOutcome =
  | { kind: 'moved' }
  /** No live code for this name (never asked for, used, burned or replaced). */
  | { kind: 'noCode' }
  | { kind: 'expired' }
  /** Wrong code; `triesLeft` more wrong codes burn it. */
  | { kind: 'wrong'; triesLeft: number }
  /** Wrong code, and that was the last try: the code is gone. */
  | { kind: 'burned' };

/** The claim key of a name: names differing only in letter case are one name. */
export function nameKeyOf(name: string): string {
  return name.toLowerCase();
}

const HOLDER = 'SELECT key_hash FROM name_claims WHERE name_key = @key';
const CLAIM = `INSERT INTO name_claims (name_key, key_hash, claimed_at) VALUES (@key, @hash, @at)
  ON CONFLICT (name_key) DO NOTHING`;
const MOVE = 'UPDATE name_claims SET key_hash = @hash, claimed_at = @at WHERE name_key = @key';
const SET_CODE = `INSERT INTO name_codes (name_key, code_hash, expires_at, failures)
  VALUES (@key, @hash, @expires, 0) ON CONFLICT (name_key)
  DO UPDATE SET code_hash = @hash, expires_at = @expires, failures = 0`;
const FAIL = 'UPDATE name_codes SET failures = failures + 1 WHERE name_key = @key';
const DROP_CODE = 'DELETE FROM name_codes WHERE name_key = @key';

/*
 * Name claims and move codes as programs (see `sql/program.ts`). Callers pass hashes only (the key
 * and codes never reach the database) and run the writes inside one transaction: SQLite's
 * `BEGIN IMMEDIATE` settles two first submits under one name one at a time; in PostgreSQL the claim
 * is an `ON CONFLICT DO NOTHING` insert that waits for a racing claim to commit, and a code is read
 * `FOR UPDATE`, so concurrent guesses count one after the other.
 */

/** Who holds `name`, from the point of view of the key whose hash is `keyHash`. */
export function* nameStatus(name: string, keyHash: string): Program<NameStatus> {
  const row = yield* get<{ key_hash: string }>(HOLDER, { key: nameKeyOf(name) });
  if (!row) return 'free';
  return row.key_hash === keyHash ? 'yours' : 'taken';
}

/**
 * Inside a write transaction: claims a free name for `keyHash` (true), accepts its holder
 * (false), refuses anyone else with `NameTakenError`.
 */
export function* claimOrCheck(name: string, keyHash: string, at: number): Program<boolean> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const status = yield* nameStatus(name, keyHash);
    if (status === 'taken') throw new NameTakenError(`the name ${name} belongs to another player`);
    if (status === 'yours') return false;
    const { changes } = yield* run(CLAIM, { key: nameKeyOf(name), hash: keyHash, at });
    if (changes === 1) return true;
    // Another transaction claimed it between the read and the insert (PostgreSQL): read again.
  }
  throw new Error(`the claim of ${name} changed twice during one save`);
}

/** Inside a write transaction: stores a new move code for the holder (false: not the holder). */
export function* issueCode(
  name: string,
  keyHash: string,
  codeHash: string,
  expiresAt: number,
): Program<boolean> {
  if ((yield* nameStatus(name, keyHash)) !== 'yours') return false;
  yield* run(SET_CODE, { key: nameKeyOf(name), hash: codeHash, expires: expiresAt });
  return true;
}

/**
 * Inside a write transaction: a right, live code moves the name to `newKeyHash` and is used up;
 * a wrong one counts, and the `maxFailures`-th wrong code burns it.
 */
export function* redeemCode(
  d: Dialect,
  name: string,
  codeHash: string,
  newKeyHash: string,
  now: number,
  maxFailures: number,
): Program<RedeemOutcome> {
  const key = nameKeyOf(name);
  const code = yield* get<{ code_hash: string; expires_at: number | string; failures: number }>(
    `SELECT code_hash, expires_at, failures FROM name_codes WHERE name_key = @key ${d.forUpdate}`,
    { key },
  );
  if (!code) return { kind: 'noCode' };
  if (num(code.expires_at) <= now) {
    yield* run(DROP_CODE, { key });
    return { kind: 'expired' };
  }
  if (code.code_hash !== codeHash) {
    if (code.failures + 1 >= maxFailures) {
      yield* run(DROP_CODE, { key });
      return { kind: 'burned' };
    }
    yield* run(FAIL, { key });
    return { kind: 'wrong', triesLeft: maxFailures - code.failures - 1 };
  }
  yield* run(DROP_CODE, { key });
  yield* run(MOVE, { key, hash: newKeyHash, at: now });
  return { kind: 'moved' };
}
