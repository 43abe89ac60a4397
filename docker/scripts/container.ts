/**
 * Builds the server image from docker/Dockerfile: `docker buildx` where a Docker daemon runs
 * (GitHub Actions, laptops), buildah otherwise (this machine: no daemon, chroot isolation).
 * Usage: node docker/scripts/container.ts [--base IMAGE] [--tag NAME:TAG] [--builder docker|buildah]
 */
import { parseArgs } from 'node:util';
import { buildxCacheFlags, rotateBuildxCache } from './buildx-cache.ts';
import { buildah, hasDockerDaemon, imageMetadata, repoRoot, run } from './tools.ts';

/** What a build needs to know. */
export interface BuildOptions {
  /** FROM image for both stages; defaults to the Dockerfile's node:24-bookworm-slim. */
  base?: string;
  /** Image name and tag to produce. */
  tag: string;
  builder: 'docker' | 'buildah';
}

/** Default image name: the version tag from package.json. */
export function defaultTag(): string {
  return `tengen-tetris:${imageMetadata().version}`;
}

/** Builds the image with the chosen builder; throws if the build fails. */
export function buildImage(options: BuildOptions): void {
  const { version, revision } = imageMetadata();
  const buildArgs = [`VERSION=${version}`, `REVISION=${revision}`];
  if (options.base) buildArgs.push(`BASE_IMAGE=${options.base}`);
  const argFlags = buildArgs.flatMap((arg) => ['--build-arg', arg]);
  const common = ['-f', 'docker/Dockerfile', '-t', options.tag, ...argFlags, '.'];
  console.log(`image: building ${options.tag} with ${options.builder} (revision ${revision})`);
  switch (options.builder) {
    case 'docker': {
      const cache = process.env['BUILDX_CACHE_DIR'] || undefined;
      run('docker', ['buildx', 'build', '--load', ...buildxCacheFlags(cache), ...common], {
        cwd: repoRoot,
      });
      rotateBuildxCache(cache);
      return;
    }
    case 'buildah':
      // A local base (localhost/...) must not be pulled; a registry base is pulled when missing.
      buildah(['bud', '--isolation', 'chroot', '--layers', '--pull=missing', ...common], {
        cwd: repoRoot,
      });
      return;
    default: {
      const never: never = options.builder;
      throw new Error(`unknown builder ${String(never)}`);
    }
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { base: { type: 'string' }, tag: { type: 'string' }, builder: { type: 'string' } },
  });
  const builder = values.builder ?? (hasDockerDaemon() ? 'docker' : 'buildah');
  if (builder !== 'docker' && builder !== 'buildah') {
    console.error(`container: --builder must be docker or buildah, not "${builder}"`);
    process.exit(2);
  }
  buildImage({ base: values.base, tag: values.tag ?? defaultTag(), builder });
}
