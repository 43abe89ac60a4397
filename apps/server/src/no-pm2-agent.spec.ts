import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * Starts Colyseus's matchmaker in a fresh Node process (which imports `@pm2/io`, as the server's
 * start does), after importing `first` when given, and reports what PM2's agent left behind.
 */
function afterMatchmakerSetup(first?: string): {
  uncaughtException: number;
  unhandledRejection: number;
  pm2Started: boolean;
} {
  const script = `
    ${first ? `await import(${JSON.stringify(first)});` : ''}
    const { matchMaker } = await import('@colyseus/core');
    await matchMaker.setup();
    const io = (await import('@pm2/io')).default;
    await new Promise((r) => setTimeout(r, 300));
    console.log(JSON.stringify({
      uncaughtException: process.listeners('uncaughtException').length,
      unhandledRejection: process.listeners('unhandledRejection').length,
      pm2Started: typeof io.init === 'function',
    }));
    process.exit(0);
  `;
  const out = execFileSync(
    process.execPath,
    ['--conditions=@tengen/source', '--input-type=module', '-e', script],
    { cwd: here, encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as ReturnType<
    typeof afterMatchmakerSetup
  >;
}

describe("PM2's agent", () => {
  it('starts with Colyseus alone: its exception listeners, its agent', () => {
    expect(afterMatchmakerSetup()).toEqual({
      uncaughtException: 1,
      unhandledRejection: 1,
      pm2Started: true,
    });
  });

  it('never starts in the server: no listener of its own, only a stand-in', () => {
    expect(afterMatchmakerSetup(new URL('./server.ts', import.meta.url).href)).toEqual({
      uncaughtException: 0,
      unhandledRejection: 0,
      pm2Started: false,
    });
  });
});
