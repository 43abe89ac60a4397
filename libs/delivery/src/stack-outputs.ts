import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Stage } from './stages.ts';

/**
 * Where infra:deploy writes its stack outputs (`cdk deploy --outputs-file`) and image:deploy and
 * chart:deploy read them, relative to the workspace root.
 */
export const outputsFile = (stage: Stage): string => join('dist', 'infra', `outputs-${stage}.json`);

/** The stacks of a `cdk deploy --outputs-file` document (keyed by stack name), each with its outputs. */
export function stacksOf(document: unknown): [string, Record<string, unknown>][] {
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    throw new Error('outputs file is not a JSON object');
  return Object.entries(document).map(([name, outputs]) => [
    name,
    typeof outputs === 'object' && outputs !== null ? (outputs as Record<string, unknown>) : {},
  ]);
}

/**
 * Reads the stage's outputs document at `path` (usually `outputsFile(stage)` under the workspace
 * root). Before infra:deploy ever ran there is none: a dry run gets null (it shows placeholders), a
 * real run fails saying what to run first.
 */
export function readOutputs(path: string, stage: Stage, dryRun: boolean): unknown {
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  if (dryRun) return null;
  throw new Error(`${path} not found: run infra:deploy for ${stage} first`);
}
