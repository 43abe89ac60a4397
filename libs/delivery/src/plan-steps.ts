import { execFileSync } from 'node:child_process';

/** One step of a deploy plan: what it does and the exact argv it runs. */
export interface PlanStep {
  description: string;
  command: string[];
  /** Another command whose output is piped into this one (`aws ecr get-login-password | …`). */
  stdinFrom?: string[];
}

/** An argument as a POSIX shell would need it written. */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** Renders steps as the dry run prints them: numbered, each with the command line it runs. */
export function formatSteps(steps: readonly PlanStep[], indent = ''): string {
  return steps
    .map((step, i) => {
      const pipe = step.stdinFrom ? `${step.stdinFrom.map(shellQuote).join(' ')} | ` : '';
      const line = `${pipe}${step.command.map(shellQuote).join(' ')}`;
      return `${indent}${i + 1}. ${step.description}\n${indent}   $ ${line}`;
    })
    .join('\n');
}

/**
 * The tag every deploy uses for the image: `IMAGE_TAG` (the workflow passes the commit sha), else
 * the checkout's revision. A dry run outside a git checkout gets a placeholder.
 */
export function imageTag(root: string, dryRun: boolean, env = process.env): string {
  const fromEnv = env['IMAGE_TAG'];
  if (fromEnv) return fromEnv;
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch (error) {
    if (dryRun) return 'git-sha-unavailable';
    throw new Error('set IMAGE_TAG or run inside a git checkout', { cause: error });
  }
}
