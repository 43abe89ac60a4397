// The GitHub workflows as the specs read them: parsed YAML (structure) and raw lines (the comments
// that carry each pinned action's tag, which a YAML parser drops).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Root of the repository. */
export const root = join(import.meta.dirname, '..', '..');
const dir = join(root, '.github', 'workflows');

/** One step of a job. */
export interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
/** One job. */
export interface Job {
  if?: string;
  permissions?: Record<string, string>;
  environment?: string | { name: string; url?: string };
  concurrency?: { group: string; 'cancel-in-progress': boolean | string };
  env?: Record<string, string>;
  steps: Step[];
}
/** One workflow file. */
export interface Workflow {
  name?: string;
  on: Record<
    string,
    { branches?: string[]; tags?: string[]; workflows?: string[]; types?: string[] } | null
  >;
  permissions?: Record<string, string>;
  concurrency?: { group: string };
  jobs: Record<string, Job>;
}

/** Every workflow file's name. */
export const workflowFiles = (): string[] =>
  readdirSync(dir).filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'));

/** A workflow's raw text. */
export const workflowText = (name: string): string => readFileSync(join(dir, name), 'utf8');

/** A workflow, parsed. */
export const workflow = (name: string): Workflow => parse(workflowText(name)) as Workflow;

/** Index of the first step whose `run` or `uses` matches (-1 when none). */
export const at = (job: Job, pattern: RegExp): number =>
  job.steps.findIndex((s) => pattern.test(s.run ?? s.uses ?? ''));

/** The step at `at(job, pattern)`; throws when there is none, so a test names what is missing. */
export const step = (job: Job, pattern: RegExp): Step => {
  const found = job.steps[at(job, pattern)];
  if (!found) throw new Error(`no step matches ${pattern}`);
  return found;
};

/** The name of a job's GitHub environment. */
export const environmentName = (job: Job): string | undefined =>
  typeof job.environment === 'string' ? job.environment : job.environment?.name;

/** True when the indexes are all present and strictly increasing. */
export const inOrder = (...indexes: number[]): boolean =>
  indexes.every((i, n) => i >= 0 && (n === 0 || i > indexes[n - 1]!));
