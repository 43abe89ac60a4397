/**
 * The buildx layer cache between CI runs: with BUILDX_CACHE_DIR set (deploy.yml keeps that folder
 * with actions/cache), `docker buildx build` reads layers from it and writes every layer
 * (`mode=max`, the builder stage too) to a fresh folder, which then replaces it, so the cache holds
 * one build's layers instead of growing with each run.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';

/** The folder buildx writes the new cache to before it replaces the old one. */
export function nextCacheDir(dir: string): string {
  return `${dir}-next`;
}

/** `--cache-from`/`--cache-to` flags for a local cache folder (none without a folder). */
export function buildxCacheFlags(dir: string | undefined): string[] {
  if (!dir) return [];
  return [
    '--cache-from',
    `type=local,src=${dir}`,
    '--cache-to',
    `type=local,dest=${nextCacheDir(dir)},mode=max`,
  ];
}

/** After a build: the fresh cache replaces the old one (a failed build leaves the old one). */
export function rotateBuildxCache(dir: string | undefined): void {
  if (!dir || !existsSync(nextCacheDir(dir))) return;
  rmSync(dir, { recursive: true, force: true });
  renameSync(nextCacheDir(dir), dir);
}
