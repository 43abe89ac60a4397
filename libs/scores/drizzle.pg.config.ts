import { defineConfig } from 'drizzle-kit';

/** drizzle-kit for PostgreSQL: `npx nx run scores:db-generate-pg` writes migrations into ./drizzle/pg. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './libs/scores/src/pg/schema.ts',
  out: './libs/scores/drizzle/pg',
});
