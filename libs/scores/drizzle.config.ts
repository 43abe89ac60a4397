import { defineConfig } from 'drizzle-kit';

/** drizzle-kit settings: `npx nx run scores:db-generate` writes SQL migrations into ./drizzle. */
export default defineConfig({
  dialect: 'sqlite',
  schema: './libs/scores/src/schema.ts',
  out: './libs/scores/drizzle',
});
