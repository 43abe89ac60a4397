// `helm lint --strict` of the chart with its defaults and with every example values file in ci/.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chartDir, ensureHelm } from './helm-binary.ts';

/** The values files the chart is linted and tested with: none (defaults) and each ci/*.yaml. */
export function lintCases(): (string | undefined)[] {
  const files = readdirSync(join(chartDir, 'ci'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(chartDir, 'ci', f));
  return [undefined, ...files];
}

if (import.meta.main) {
  const helm = ensureHelm();
  for (const values of lintCases()) {
    const args = ['lint', '--strict', chartDir, ...(values ? ['-f', values] : [])];
    process.stdout.write(`$ helm ${args.join(' ')}\n`);
    execFileSync(helm, args, { stdio: 'inherit' });
  }
}
