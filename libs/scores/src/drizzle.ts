import { createRequire } from 'node:module';

/**
 * drizzle-orm, loaded through its CommonJS build: every module here takes drizzle from this file,
 * so the process holds one copy of it (its error classes and `is()` checks see the same objects).
 *
 * Why not `import`: Node 24's ES module loader looks up the package scope of every file it loads,
 * and for each one copies the package's `package.json` fields, parsing its `exports` map again.
 * drizzle-orm's `package.json` is 179 KB, so importing drizzle's ES modules cost 1.9 s of CPU
 * (`drizzle-orm/sqlite-core` alone 1.1 s) where `require` of the same entry points costs 0.2 s:
 * most of a server's start-up, paid again by every process and test file that loads the store.
 * The types are the package's own.
 */
const load = createRequire(import.meta.url);

export const orm: typeof import('drizzle-orm') = load('drizzle-orm');
export const errors: typeof import('drizzle-orm/errors') = load('drizzle-orm/errors');
export const migrator: typeof import('drizzle-orm/migrator') = load('drizzle-orm/migrator');
export const sqliteCore: typeof import('drizzle-orm/sqlite-core') = load('drizzle-orm/sqlite-core');
export const betterSqlite3: typeof import('drizzle-orm/better-sqlite3') = load(
  'drizzle-orm/better-sqlite3',
);
export const pgCore: typeof import('drizzle-orm/pg-core') = load('drizzle-orm/pg-core');
export const nodePostgres: typeof import('drizzle-orm/node-postgres') = load(
  'drizzle-orm/node-postgres',
);
export const nodePostgresMigrator: typeof import('drizzle-orm/node-postgres/migrator') = load(
  'drizzle-orm/node-postgres/migrator',
);
