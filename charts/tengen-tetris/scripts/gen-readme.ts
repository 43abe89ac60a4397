// `node charts/tengen-tetris/scripts/gen-readme.ts [--check]`: regenerates the values table in the
// chart README from values.yaml; with --check it only fails when the README is out of date. The
// result goes through Prettier with the workspace settings, so `prettier --check` agrees with it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { chartDir } from './helm-binary.ts';
import { documentValues, valuesTable, withValuesTable } from './values-doc.ts';

/** The README as it is and as it should be, given the current values.yaml. */
export async function expectedReadme(): Promise<{
  path: string;
  current: string;
  expected: string;
}> {
  const path = join(chartDir, 'README.md');
  const current = readFileSync(path, 'utf8');
  const rows = documentValues(readFileSync(join(chartDir, 'values.yaml'), 'utf8'));
  const options = (await resolveConfig(path)) ?? {};
  const expected = await format(withValuesTable(current, valuesTable(rows)), {
    ...options,
    filepath: path,
  });
  return { path, current, expected };
}

if (import.meta.main) {
  const { path, current, expected } = await expectedReadme();
  if (current === expected) {
    process.stdout.write('README values table is up to date\n');
  } else if (process.argv.includes('--check')) {
    process.stderr.write(
      'README values table is out of date: run node charts/tengen-tetris/scripts/gen-readme.ts\n',
    );
    process.exit(1);
  } else {
    writeFileSync(path, expected);
    process.stdout.write(`wrote ${path}\n`);
  }
}
