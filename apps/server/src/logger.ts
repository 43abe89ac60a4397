import { format } from 'node:util';
import { pino, type Logger } from 'pino';

/** The process logger: one JSON object per line on stdout. */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    { level, base: { service: 'tengen-server' }, timestamp: pino.stdTimeFunctions.isoTime },
    destination ?? process.stdout,
  );
}

/** Colyseus's logger interface (console-like) writing through pino. */
export function colyseusLogger(log: Logger) {
  const child = log.child({ component: 'colyseus' });
  const at =
    (level: 'trace' | 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) =>
      child[level](format(...args));
  return {
    trace: at('trace'),
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
  };
}
