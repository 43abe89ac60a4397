/**
 * After staging's smoke and end-to-end tests passed: tags the digest staging deployed (from
 * dist/image/image-staging.json, written by image:deploy) as `tested-<revision>` in the staging
 * repository. Only such a digest can be promoted to production (promote-plan.ts).
 * Usage: node docker/scripts/mark-tested.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { DIGEST, imageRecordPath, loginSteps, REVISION, type ImageRecord } from './promote-plan.ts';
import { markTested, runSteps } from './registry.ts';
import { repoRoot } from './tools.ts';

/** Validates the record image:deploy wrote (a file read is a boundary). */
export function parseImageRecord(document: unknown): ImageRecord {
  const r = document as Partial<ImageRecord> | null;
  if (
    typeof r !== 'object' ||
    r === null ||
    r.stage !== 'staging' ||
    typeof r.repository !== 'string' ||
    !REVISION.test(String(r.revision)) ||
    !DIGEST.test(String(r.digest))
  ) {
    throw new Error(`not a staging image record: ${JSON.stringify(document)}`);
  }
  return r as ImageRecord;
}

if (import.meta.main) {
  try {
    const path = imageRecordPath(repoRoot, 'staging');
    if (!existsSync(path)) throw new Error(`${path} is missing: image:deploy -c staging writes it`);
    const record = parseImageRecord(JSON.parse(readFileSync(path, 'utf8')));
    runSteps(loginSteps([record.repository]));
    markTested(record);
    console.log(`mark-tested: ${record.repository}@${record.digest} is tested-${record.revision}`);
  } catch (error) {
    console.error(`mark-tested: ${(error as Error).message}`);
    process.exit(1);
  }
}
