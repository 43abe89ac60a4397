// CLI: copy a SQLite score database into PostgreSQL (games, name claims, move codes; ids kept),
// check it, print what it did. Safe to run again. Exit 0: every row is there; 1: a row differs or
// the copy failed; 2: bad arguments.
// Usage: npm run copy-scores -- --from sqlite:PATH --to postgres://user:password@host/database
import { copySqliteToPg } from '../src/copy/copy-sqlite-to-pg.ts';
import { parseCopyArgs } from '../src/copy/copy-args.ts';

let args;
try {
  args = parseCopyArgs(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`copy-scores: ${(err as Error).message}\n`);
  process.exit(2);
}
try {
  const report = await copySqliteToPg(args.from, { url: args.to }, (line) =>
    process.stdout.write(`${line}\n`),
  );
  process.exit(report.ok ? 0 : 1);
} catch (err) {
  process.stderr.write(`copy-scores: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
