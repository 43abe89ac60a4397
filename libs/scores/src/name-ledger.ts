import type { SqliteDatabase } from './database.ts';

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

/**
 * Name claims and move codes on one connection. Callers pass hashes only (the key and codes never
 * reach the database) and run the writes inside their own `BEGIN IMMEDIATE` transaction, so two
 * first submits under one name, from any number of processes, settle one at a time.
 */
export class NameLedger {
  readonly #holder;
  readonly #claim;
  readonly #move;
  readonly #code;
  readonly #setCode;
  readonly #fail;
  readonly #dropCode;

  constructor(db: SqliteDatabase) {
    this.#holder = db.prepare<[{ key: string }], { key_hash: string }>(
      'SELECT key_hash FROM name_claims WHERE name_key = @key',
    );
    this.#claim = db.prepare<[{ key: string; hash: string; at: number }]>(
      'INSERT INTO name_claims (name_key, key_hash, claimed_at) VALUES (@key, @hash, @at)',
    );
    this.#move = db.prepare<[{ key: string; hash: string; at: number }]>(
      'UPDATE name_claims SET key_hash = @hash, claimed_at = @at WHERE name_key = @key',
    );
    this.#code = db.prepare<
      [{ key: string }],
      { code_hash: string; expires_at: number; failures: number }
    >('SELECT code_hash, expires_at, failures FROM name_codes WHERE name_key = @key');
    this.#setCode = db.prepare<[{ key: string; hash: string; expires: number }]>(
      `INSERT INTO name_codes (name_key, code_hash, expires_at, failures)
       VALUES (@key, @hash, @expires, 0) ON CONFLICT (name_key)
       DO UPDATE SET code_hash = @hash, expires_at = @expires, failures = 0`,
    );
    this.#fail = db.prepare<[{ key: string }]>(
      'UPDATE name_codes SET failures = failures + 1 WHERE name_key = @key',
    );
    this.#dropCode = db.prepare<[{ key: string }]>('DELETE FROM name_codes WHERE name_key = @key');
  }

  /** Who holds `name`, from the point of view of the key whose hash is `keyHash`. */
  status(name: string, keyHash: string): NameStatus {
    const row = this.#holder.get({ key: nameKeyOf(name) });
    if (!row) return 'free';
    return row.key_hash === keyHash ? 'yours' : 'taken';
  }

  /** True when someone holds `name`. */
  held(name: string): boolean {
    return this.#holder.get({ key: nameKeyOf(name) }) !== undefined;
  }

  /**
   * Inside a write transaction: claims a free name for `keyHash` (true), accepts its holder
   * (false), refuses anyone else with `NameTakenError`.
   */
  claimOrCheck(name: string, keyHash: string, at: number): boolean {
    const status = this.status(name, keyHash);
    if (status === 'taken') throw new NameTakenError(`the name ${name} belongs to another player`);
    if (status === 'yours') return false;
    this.#claim.run({ key: nameKeyOf(name), hash: keyHash, at });
    return true;
  }

  /** Inside a write transaction: stores a new move code for the holder (false: not the holder). */
  issueCode(name: string, keyHash: string, codeHash: string, expiresAt: number): boolean {
    if (this.status(name, keyHash) !== 'yours') return false;
    this.#setCode.run({ key: nameKeyOf(name), hash: codeHash, expires: expiresAt });
    return true;
  }

  /**
   * Inside a write transaction: a right, live code moves the name to `newKeyHash` and is used up;
   * a wrong one counts, and the `maxFailures`-th wrong code burns it.
   */
  redeem(
    name: string,
    codeHash: string,
    newKeyHash: string,
    now: number,
    maxFailures: number,
  ): RedeemOutcome {
    const key = nameKeyOf(name);
    const code = this.#code.get({ key });
    if (!code) return { kind: 'noCode' };
    if (code.expires_at <= now) {
      this.#dropCode.run({ key });
      return { kind: 'expired' };
    }
    if (code.code_hash !== codeHash) {
      if (code.failures + 1 >= maxFailures) {
        this.#dropCode.run({ key });
        return { kind: 'burned' };
      }
      this.#fail.run({ key });
      return { kind: 'wrong', triesLeft: maxFailures - code.failures - 1 };
    }
    this.#dropCode.run({ key });
    this.#move.run({ key, hash: newKeyHash, at: now });
    return { kind: 'moved' };
  }
}
