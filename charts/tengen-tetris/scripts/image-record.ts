// The image chart:deploy deploys, by digest: image:deploy writes dist/image/image-<stage>.json (the
// digest staging pushed, or the tested digest production promoted); this reads and checks it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Stage } from '@tengen/delivery';

/** An image digest as the chart's `image.digest` accepts it (values.schema.json). */
export const IMAGE_DIGEST = /^sha256:[a-f0-9]{64}$/;

/** Where image:deploy leaves the stage's record. */
export function imageRecordFile(workspaceRoot: string, stage: Stage): string {
  return join(workspaceRoot, 'dist', 'image', `image-${stage}.json`);
}

/**
 * The digest in an image record, checked against the stage and the revision being deployed (a
 * record left over from another commit or stage is refused, never deployed).
 */
export function imageDigestFrom(document: unknown, stage: Stage, revision: string): string {
  const record = document as { stage?: unknown; revision?: unknown; digest?: unknown } | null;
  if (typeof record !== 'object' || record === null)
    throw new Error('image record is not an object');
  if (record.stage !== stage)
    throw new Error(`image record is for stage ${String(record.stage)}, not ${stage}`);
  if (record.revision !== revision) {
    throw new Error(`image record is for revision ${String(record.revision)}, not ${revision}`);
  }
  if (typeof record.digest !== 'string' || !IMAGE_DIGEST.test(record.digest)) {
    throw new Error(`image record digest ${String(record.digest)} is not sha256:<64 hex>`);
  }
  return record.digest;
}

/** Reads the stage's record when it exists (a dry run may have none). */
export function readImageDigest(file: string, stage: Stage, revision: string): string | undefined {
  if (!existsSync(file)) return undefined;
  return imageDigestFrom(JSON.parse(readFileSync(file, 'utf8')), stage, revision);
}
