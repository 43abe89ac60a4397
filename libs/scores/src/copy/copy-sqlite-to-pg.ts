import { existsSync } from 'node:fs';
import { openDatabase } from '../database.ts';
import { REBUILD_BEST_SCORES } from '../game-queries.ts';
import { migrateDatabase } from '../migrate.ts';
import { openPool, redactUrl, type PgOptions } from '../pg/pg-database.ts';
import { pgFailure } from '../pg/pg-errors.ts';
import { migratePg } from '../pg/pg-migrate.ts';
import * as pgSchema from '../pg/schema.ts';
import * as sqliteSchema from '../schema.ts';
import { betterSqlite3, orm } from '../drizzle.ts';

const { asc, count, gt, inArray, sql } = orm;
const { drizzle } = betterSqlite3;

/** One table's copy. */
export interface TableCopy {
  table: string;
  /** Rows in the SQLite file. */
  source: number;
  /** Rows this run added to PostgreSQL. */
  inserted: number;
  /** Source rows PostgreSQL already held, identical (an earlier run). */
  alreadyThere: number;
  /** Source rows whose key PostgreSQL holds with other values (kept as PostgreSQL has them). */
  differing: string[];
  /** Rows in PostgreSQL afterwards (more than `source` when it also took rows of its own). */
  target: number;
}

/** What a copy did; `ok` when every source row is in PostgreSQL with the same values. */
export interface CopyReport {
  tables: TableCopy[];
  ok: boolean;
}

// The three tables, keyed by their primary key, with the same row shape in both dialects (the
// PostgreSQL schema reads its millisecond columns as Date, like SQLite's): rows move unchanged.
const TABLES = [
  { name: 'games', sqlite: sqliteSchema.games, pg: pgSchema.games, key: 'id' },
  { name: 'name_claims', sqlite: sqliteSchema.nameClaims, pg: pgSchema.nameClaims, key: 'nameKey' },
  { name: 'name_codes', sqlite: sqliteSchema.nameCodes, pg: pgSchema.nameCodes, key: 'nameKey' },
] as const;

const BATCH = 500;

/**
 * Copies every game, name claim and move code of the SQLite file into PostgreSQL, keeping ids:
 * both are migrated first, rows go over in primary-key order in batches (`ON CONFLICT DO NOTHING`,
 * so a second run adds nothing), and each batch is read back and compared field by field.
 */
export async function copySqliteToPg(
  file: string,
  target: PgOptions,
  say: (line: string) => void = () => undefined,
): Promise<CopyReport> {
  if (!existsSync(file)) throw new Error(`no SQLite file at ${file}`);
  const sqlite = openDatabase(file);
  const { pool, db: pg } = openPool(target);
  try {
    const migrated = migrateDatabase(sqlite);
    if (migrated.applied > 0)
      say(`SQLite ${file}: applied ${migrated.applied} pending migrations first`);
    const pgMigrated = await migratePg(pool).catch((err: unknown) => {
      throw pgFailure(err, redactUrl(target.url));
    });
    if (pgMigrated.applied > 0) say(`PostgreSQL: applied ${pgMigrated.applied} migrations`);
    const from = drizzle(sqlite);
    const tables: TableCopy[] = [];
    for (const t of TABLES) {
      // Typed per table above; one generic path serves all three.
      const src = t.sqlite as typeof sqliteSchema.games;
      const dst = t.pg as typeof pgSchema.games;
      const srcKey = src[t.key as 'id'];
      const dstKey = dst[t.key as 'id'];
      const copy: TableCopy = {
        table: t.name,
        source: 0,
        inserted: 0,
        alreadyThere: 0,
        differing: [],
        target: 0,
      };
      let last: string | undefined;
      for (;;) {
        const rows = from
          .select()
          .from(src)
          .where(last === undefined ? undefined : gt(srcKey, last))
          .orderBy(asc(srcKey))
          .limit(BATCH)
          .all();
        if (rows.length === 0) break;
        const keyOf = (r: (typeof rows)[number]) => String(r[t.key as 'id']);
        last = keyOf(rows.at(-1)!);
        copy.source += rows.length;
        const added = await pg
          .insert(dst)
          .values(rows)
          .onConflictDoNothing()
          .returning({ key: dstKey });
        copy.inserted += added.length;
        const stored = new Map(
          (
            await pg
              .select()
              .from(dst)
              .where(inArray(dstKey, rows.map(keyOf)))
          ).map((r) => [keyOf(r), r]),
        );
        for (const row of rows) {
          const there = stored.get(keyOf(row));
          if (!there || !sameRow(row, there)) copy.differing.push(keyOf(row));
        }
      }
      copy.alreadyThere = copy.source - copy.inserted - copy.differing.length;
      copy.target = (await pg.select({ n: count() }).from(dst))[0]?.n ?? 0;
      say(
        `${t.name}: ${copy.source} in SQLite, ${copy.inserted} copied, ${copy.alreadyThere} already there` +
          (copy.differing.length
            ? `, ${copy.differing.length} DIFFER (${copy.differing.slice(0, 5).join(', ')})`
            : '') +
          `; ${copy.target} in PostgreSQL`,
      );
      tables.push(copy);
    }
    // Games copied straight into `games`: each name's best per mode is derived again from them.
    await pg.execute(sql.raw(REBUILD_BEST_SCORES));
    const ok = tables.every((c) => c.differing.length === 0 && c.target >= c.source);
    say(
      ok
        ? 'checked: every SQLite row is in PostgreSQL with the same id and values'
        : 'check FAILED: see the rows that differ above',
    );
    return { tables, ok };
  } finally {
    sqlite.close();
    await pool.end().catch(() => undefined);
  }
}

/** Field-by-field equality of two rows of one table (dates by instant). */
function sameRow(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return Object.keys(x).every((k) => {
    const u = x[k];
    const v = y[k];
    return u instanceof Date && v instanceof Date ? u.getTime() === v.getTime() : u === v;
  });
}
