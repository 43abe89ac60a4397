// `main.ts copy-scores` (`npm run copy-scores`): copies a SQLite score database into PostgreSQL
// with the server's own database settings, so it authenticates and protects the connection as the
// pods do: `DATABASE_URL` (or `--to`), `DATABASE_AUTH=iam` with `AWS_REGION` (an RDS token signed
// with the process's AWS identity: no static password), `DATABASE_TLS`, `DATABASE_CA_FILE`.
// Exit 0: every row is there; 1: a row differs, or the copy failed; 2: bad arguments or settings.
import { copySqliteToPg, parseCopyArgs, type CopyArgs } from '@tengen/scores';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { storeExtras, type StoreExtras } from './open-store.ts';

/** Where the command writes: each report line, and each error line. */
export interface CommandOutput {
  say(line: string): void;
  fail(line: string): void;
}

/** The command's arguments and settings, or the exit code and line that refuse them. */
function settings(
  argv: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): { args: CopyArgs; config: Config & { databaseUrl: string } } | { error: string } {
  let args: CopyArgs;
  try {
    args = parseCopyArgs(argv);
  } catch (err) {
    return { error: (err as Error).message };
  }
  let config: Config;
  try {
    // `--to` stands for DATABASE_URL: the same checks (no password with IAM, no TLS in the URL).
    config = loadConfig(args.to === undefined ? env : { ...env, DATABASE_URL: args.to }, cwd);
  } catch (err) {
    if (err instanceof ConfigError) return { error: err.message };
    throw err;
  }
  if (config.databaseUrl === undefined)
    return { error: 'no target: give --to postgres://... or set DATABASE_URL' };
  return { args, config: { ...config, databaseUrl: config.databaseUrl } };
}

/**
 * Runs `copy-scores` with `argv` (after the command name) and the environment `env`; returns the
 * exit code. `extrasOf` is `storeExtras` (the IAM token and TLS settings the server would use).
 */
export async function copyScoresCommand(
  argv: string[],
  env: NodeJS.ProcessEnv,
  out: CommandOutput,
  extrasOf: (config: Config) => StoreExtras | Promise<StoreExtras> = storeExtras,
  cwd = process.cwd(),
): Promise<number> {
  const s = settings(argv, env, cwd);
  if ('error' in s) {
    out.fail(`copy-scores: ${s.error}`);
    return 2;
  }
  try {
    const target = { url: s.config.databaseUrl, ...(await extrasOf(s.config)) };
    const report = await copySqliteToPg(s.args.from, target, (line) => out.say(line));
    return report.ok ? 0 : 1;
  } catch (err) {
    out.fail(`copy-scores: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
