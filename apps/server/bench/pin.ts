import { execFileSync } from 'node:child_process';

/** Pins every thread of `pid` to `core` (Linux `taskset`). */
export function pinProcess(pid: number, core: number): void {
  execFileSync('taskset', ['-a', '-p', '-c', String(core), String(pid)], { stdio: 'ignore' });
}
