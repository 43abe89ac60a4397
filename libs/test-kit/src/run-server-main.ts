import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { serverMain } from './spawn-server.ts';

const run = promisify(execFile);

/** How a run of the server's entry point ended. */
export interface MainRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the server's entry point to its exit (`main.ts [args]`, e.g. `migrate` or `copy-scores`)
 * with exactly `env` plus `PATH`, and gives its exit code and output: for the specs of start-up
 * errors and of the one-shot commands. A run still going after `timeoutMs` is killed (then the code
 * is not a number).
 */
export async function runServerMain(
  env: Record<string, string>,
  args: string[] = [],
  timeoutMs = 120_000,
): Promise<MainRun> {
  return run(process.execPath, ['--conditions=@tengen/source', serverMain(), ...args], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    timeout: timeoutMs,
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: MainRun) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}
