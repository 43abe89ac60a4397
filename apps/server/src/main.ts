// Entry point: `node --conditions=@tengen/source apps/server/src/main.ts [migrate | copy-scores ...]`.
import { DatabaseUnavailableError } from '@tengen/scores';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { copyScoresCommand } from './copy-scores-command.ts';
import { createLogger } from './logger.ts';
import { migrateStore, storeLocation } from './open-store.ts';
import { startRelay } from './relay/relay-server.ts';
import { startServer } from './server.ts';

// `copy-scores --from sqlite:PATH [--to URL]`: its own arguments, the server's database settings.
if (process.argv[2] === 'copy-scores') {
  const code = await copyScoresCommand(process.argv.slice(3), process.env, {
    say: (line) => process.stdout.write(`${line}\n`),
    fail: (line) => process.stderr.write(`${line}\n`),
  });
  process.exit(code);
}

function config(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`tengen-server: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}

const cfg = config();
const log = createLogger(cfg.logLevel);

/** An unreachable database is said in one line on stderr (exit 1), not as a stack trace. */
function exitIfUnreachable(err: unknown): void {
  if (!(err instanceof DatabaseUnavailableError)) return;
  process.stderr.write(`tengen-server: ${err.message}\n`);
  process.exit(1);
}

if (process.argv[2] === 'migrate' && cfg.role === 'game') {
  const result = await migrateStore(cfg).catch((err: unknown) => {
    exitIfUnreachable(err);
    throw err;
  });
  log.info({ db: storeLocation(cfg), ...result }, 'migrations applied');
  process.exit(0);
} else if (process.argv[2] !== undefined) {
  process.stderr.write(
    `tengen-server: unknown command ${JSON.stringify(process.argv[2])} (expected nothing, "migrate" or "copy-scores")\n`,
  );
  process.exit(2);
}

const start = cfg.role === 'relay' ? startRelay : startServer;
const running = await start(cfg, log).catch((err: unknown) => {
  exitIfUnreachable(err);
  log.fatal({ err }, 'start-up failed');
  process.exit(1);
});

let signalled = false;
const stop = (signal: string) => {
  if (signalled) {
    log.warn({ signal }, 'second signal: exiting now');
    process.exit(1);
  }
  signalled = true;
  log.info({ signal }, 'shutting down');
  running.shutdown().then(
    () => process.exit(0),
    (err: unknown) => {
      log.error({ err }, 'shutdown failed');
      process.exit(1);
    },
  );
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
process.on('unhandledRejection', (err) => {
  // A stray rejection must not take down every room on this process.
  log.error({ err }, 'unhandled promise rejection');
});
process.on('uncaughtException', (err) => {
  log.fatal({ err }, 'uncaught exception');
  process.exit(1);
});
