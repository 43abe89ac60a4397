import { constants } from 'node:fs';
import { copyFile, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { GAME_MODES, type NewGame } from '@tengen/scores';
import type { Logger } from 'pino';
import * as z from 'zod';

/** The outbox file's name inside `OUTBOX_DIR`. */
export const OUTBOX_FILE = 'score-outbox.jsonl';

const entrySchema = z.object({
  v: z.literal(1),
  /** The game's id in the database: saving it twice stores it once. */
  id: z.string().regex(/^[a-z2-9]{12}$/),
  /** Epoch ms when the game was put in the outbox. */
  queuedAt: z.number().int().nonnegative(),
  game: z.object({
    mode: z.enum(GAME_MODES),
    name: z.string().min(1),
    score: z.number().int().nonnegative(),
    lines: z.number().int().nonnegative(),
    level: z.number().int().nonnegative(),
    startLevel: z.number().int().nonnegative(),
    frames: z.number().int().nonnegative(),
    seed: z.number().int().nonnegative(),
    replayJson: z.string().min(1),
    engineVersion: z.number().int().nonnegative(),
    /** SHA-256 of the submitting browser's name key (absent in entries from before names were held). */
    keyHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
  }),
});

/** A verified game waiting for the database, as one line of the outbox file. */
export type OutboxEntry = z.infer<typeof entrySchema>;

/** Builds the entry for a verified game whose id was chosen before the first write attempt. */
export function outboxEntry(game: NewGame & { id: string }, queuedAt: number): OutboxEntry {
  const { id, ...rest } = game;
  return { v: 1, id, queuedAt, game: rest };
}

/**
 * The outbox on disk: one JSON line per game, appended and fsynced before the player is told the
 * game is kept; entries are removed by writing the remaining lines to a temporary file, fsyncing
 * it and renaming it over the old one. Operations run one at a time, in call order.
 */
export class OutboxFile {
  readonly path: string;
  readonly #dir: string;
  readonly #entries = new Map<string, OutboxEntry>();
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(dir: string) {
    this.#dir = dir;
    this.path = join(dir, OUTBOX_FILE);
  }

  /**
   * Creates the folder if needed and reads the file left by an earlier process. Lines that do not
   * parse (a write torn by a crash, an edited file) are logged, and the file is copied aside once
   * (`.bad-<time>`) before anything rewrites it.
   */
  static async open(dir: string, log: Logger): Promise<OutboxFile> {
    const file = new OutboxFile(dir);
    await mkdir(dir, { recursive: true });
    let text = '';
    try {
      text = await readFile(file.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    let bad = 0;
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      const parsed = parseLine(line);
      if (parsed) file.#entries.set(parsed.id, parsed);
      else bad++;
    }
    if (bad > 0) {
      const aside = `${file.path}.bad-${Date.now()}`;
      await copyFile(file.path, aside, constants.COPYFILE_EXCL);
      log.error({ file: file.path, badLines: bad, copy: aside }, 'score outbox: unreadable lines');
      // Rewrite the good lines so later appends never follow a torn one.
      await file.#write(new Map(file.#entries));
    }
    return file;
  }

  /** Games waiting, oldest first. */
  entries(): OutboxEntry[] {
    return [...this.#entries.values()];
  }

  get size(): number {
    return this.#entries.size;
  }

  /** When the oldest waiting game was queued (epoch ms), undefined when empty. */
  oldestQueuedAt(): number | undefined {
    let oldest: number | undefined;
    for (const e of this.#entries.values()) oldest = Math.min(oldest ?? e.queuedAt, e.queuedAt);
    return oldest;
  }

  /** Appends and fsyncs one entry; rejects (keeping nothing) when the file cannot be written. */
  add(entry: OutboxEntry): Promise<void> {
    return this.#serial(async () => {
      const created = this.#entries.size === 0;
      const fh = await open(this.path, 'a');
      const { size } = await fh.stat();
      try {
        await fh.writeFile(`${JSON.stringify(entry)}\n`);
        await fh.sync();
      } catch (err) {
        // A half-written line (disk full) would corrupt the next append: cut it off.
        await fh.truncate(size).catch(() => undefined);
        throw err;
      } finally {
        await fh.close();
      }
      if (created) await this.#syncDir();
      this.#entries.set(entry.id, entry);
    });
  }

  /** Drops stored entries from the file (atomically); the file is deleted once empty. */
  remove(ids: Iterable<string>): Promise<void> {
    return this.#serial(async () => {
      const keep = new Map(this.#entries);
      for (const id of ids) keep.delete(id);
      if (keep.size === this.#entries.size) return;
      await this.#write(keep);
    });
  }

  /** Replaces the file's content with `keep` (tmp + fsync + rename + fsync of the folder). */
  async #write(keep: Map<string, OutboxEntry>): Promise<void> {
    if (keep.size === 0) {
      await unlink(this.path).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
    } else {
      const tmp = `${this.path}.tmp`;
      const fh = await open(tmp, 'w');
      try {
        await fh.writeFile([...keep.values()].map((e) => `${JSON.stringify(e)}\n`).join(''));
        await fh.sync();
      } finally {
        await fh.close();
      }
      await rename(tmp, this.path);
    }
    await this.#syncDir();
    this.#entries.clear();
    for (const [id, e] of keep) this.#entries.set(id, e);
  }

  async #syncDir(): Promise<void> {
    const fh = await open(this.#dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  }

  #serial<T>(op: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(op, op);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

function parseLine(line: string): OutboxEntry | undefined {
  try {
    const parsed = entrySchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
