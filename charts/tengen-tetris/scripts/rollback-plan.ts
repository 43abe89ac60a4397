// The rollback after a failed smoke test, as data: which revision to go back to (from the
// release's `helm history`) and the exact helm commands. Pure, so tests check the commands and run
// them against the real helm binary.

/** One row of `helm history --output json`. */
export interface HelmRevision {
  revision: number;
  status: string;
  description?: string;
}

/** Where the release is and how helm reaches the cluster. */
export interface ReleaseTarget {
  helm: string;
  release: string;
  namespace: string;
  kubeconfig: string;
}

/** Statuses of a revision that ran in the cluster (a rollback target must be one of them). */
const RAN = new Set(['deployed', 'superseded']);

/** Validates `helm history --output json`. */
export function parseHistory(json: string): HelmRevision[] {
  const rows = JSON.parse(json) as unknown;
  if (!Array.isArray(rows)) throw new Error('helm history did not return a list');
  return rows.map((row: { revision?: unknown; status?: unknown; description?: unknown }) => {
    if (!Number.isInteger(row?.revision) || typeof row?.status !== 'string') {
      throw new Error(`unexpected helm history row ${JSON.stringify(row)}`);
    }
    return {
      revision: row.revision as number,
      status: row.status,
      ...(typeof row.description === 'string' ? { description: row.description } : {}),
    };
  });
}

/**
 * The revision to roll back to: the newest revision before the deployed one that ran in the
 * cluster. Undefined when there is none (a first install has nothing to go back to).
 */
export function rollbackTarget(history: HelmRevision[]): number | undefined {
  const current = history
    .filter((r) => r.status === 'deployed')
    .sort((a, b) => b.revision - a.revision)[0];
  if (!current) return undefined;
  return history
    .filter((r) => r.revision < current.revision && RAN.has(r.status))
    .sort((a, b) => b.revision - a.revision)[0]?.revision;
}

/** `helm history` of the release, as JSON. */
export function historyCommand(target: ReleaseTarget): string[] {
  return [
    target.helm,
    'history',
    target.release,
    '--namespace',
    target.namespace,
    '--max',
    '20',
    '--output',
    'json',
    '--kubeconfig',
    target.kubeconfig,
  ];
}

/**
 * `helm rollback` to `revision`, waiting until the old pods are ready. Without a revision helm
 * goes back to the previous one (used when the history could not be read).
 */
export function rollbackCommand(target: ReleaseTarget, revision?: number): string[] {
  if (revision !== undefined && (!Number.isInteger(revision) || revision < 1)) {
    throw new Error(`revision ${revision} is not a helm revision`);
  }
  return [
    target.helm,
    'rollback',
    target.release,
    ...(revision === undefined ? [] : [String(revision)]),
    '--namespace',
    target.namespace,
    '--wait=watcher',
    '--timeout',
    '10m',
    '--kubeconfig',
    target.kubeconfig,
  ];
}
