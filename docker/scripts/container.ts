/**
 * Builds the server image from docker/Dockerfile for one or more architectures: `docker buildx`
 * where a Docker daemon runs (GitHub Actions, laptops), buildah otherwise (this machine: no daemon,
 * chroot isolation). Several architectures make a manifest list under the tag (buildah), or one
 * multi-platform image (buildx; `--load` of it needs Docker's containerd image store).
 * Usage: node docker/scripts/container.ts [--arch amd64,arm64] [--local-base] [--tag NAME:TAG]
 *        [--builder docker|buildah]
 */
import { parseArgs } from 'node:util';
import { buildxCacheFlags, rotateBuildxCache } from './buildx-cache.ts';
import { ensureLocalBase } from './local-base.ts';
import { ARCHES, hostArch, parseArchList, platformOf, type Arch } from './platforms.ts';
import {
  buildah,
  buildahOut,
  capture,
  hasDockerDaemon,
  imageMetadata,
  repoRoot,
  run,
} from './tools.ts';

/** What a build needs to know. */
export interface BuildOptions {
  /**
   * FROM image per architecture (the runtime stage of that architecture; the dependency stage
   * uses the build machine's); defaults to the Dockerfile's node:24-bookworm-slim.
   */
  bases?: Partial<Record<Arch, string>>;
  /** Image name and tag to produce. */
  tag: string;
  builder: 'docker' | 'buildah';
  /** Architectures to build (default: both); more than one gives a manifest list. */
  arches?: readonly Arch[];
  /**
   * buildah only: commit and cache every step as its own layer (default true). With vfs storage
   * each layer is a full copy of the root file system, so a throwaway build (the smoke tests, whose
   * REVISION label misses the cache on every new commit anyway) is about 90 s faster per
   * architecture without: same files, one layer per stage.
   */
  layers?: boolean;
}

/** Default image name: the version tag from package.json. */
export function defaultTag(): string {
  return `tengen-tetris:${imageMetadata().version}`;
}

/** The local stand-in bases (scripts/local-base.ts) of these architectures. */
export function localBases(arches: readonly Arch[]): Partial<Record<Arch, string>> {
  return Object.fromEntries(arches.map((arch) => [arch, ensureLocalBase(arch)]));
}

/** Builds the image with the chosen builder; throws if the build fails. */
export function buildImage(options: BuildOptions): void {
  const { version, revision } = imageMetadata();
  const arches = options.arches ?? ARCHES;
  const argFlags = (args: string[]) => args.flatMap((arg) => ['--build-arg', arg]);
  const common = [`VERSION=${version}`, `REVISION=${revision}`];
  console.log(
    `image: building ${options.tag} for ${arches.join(', ')} with ${options.builder} (revision ${revision})`,
  );
  switch (options.builder) {
    case 'docker': {
      // buildx sets BUILDPLATFORM and TARGETARCH and resolves a registry base per platform.
      const base = options.bases?.[arches[0]!];
      const baseArgs = base ? [`BASE_IMAGE=${base}`] : [];
      const platforms = arches.map(platformOf).join(',');
      // The classic image store cannot hold a multi-platform image; the containerd one can.
      if (
        arches.length > 1 &&
        !capture('docker', ['info', '--format', '{{json .DriverStatus}}']).includes('containerd')
      )
        throw new Error(
          "a multi-arch --load needs Docker's containerd image store (the default since Docker Engine 29; " +
            'or "features": {"containerd-snapshotter": true} in /etc/docker/daemon.json)',
        );
      const args = ['-f', 'docker/Dockerfile', '-t', options.tag, ...argFlags(common)];
      const cache = process.env['BUILDX_CACHE_DIR'] || undefined;
      run(
        'docker',
        [
          'buildx',
          'build',
          '--load',
          '--platform',
          platforms,
          ...buildxCacheFlags(cache),
          ...args,
          ...argFlags(baseArgs),
          '.',
        ],
        { cwd: repoRoot },
      );
      rotateBuildxCache(cache);
      return;
    }
    case 'buildah': {
      // buildah 1.28 sets TARGETARCH from --platform but not BUILDPLATFORM. One name may hold
      // only one platform's image, so a local base is named per architecture and never pulled;
      // a registry base is pulled for each platform.
      const host = hostArch();
      const manifest = arches.length > 1;
      if (manifest) removeImage(options.tag);
      for (const arch of arches) {
        const base = options.bases?.[arch];
        const buildBase = options.bases?.[host];
        if (base && !buildBase) throw new Error(`a local ${arch} base needs a ${host} base too`);
        const baseArgs = [
          `BUILDPLATFORM=${platformOf(host)}`,
          ...(base ? [`BASE_IMAGE=${base}`, `BUILD_BASE_IMAGE=${buildBase}`] : []),
        ];
        const local = base?.startsWith('localhost/') ?? false;
        buildah(
          [
            'bud',
            '--isolation',
            'chroot',
            `--layers=${options.layers ?? true}`,
            `--pull=${local ? 'never' : 'always'}`,
            '--platform',
            platformOf(arch),
            '-f',
            'docker/Dockerfile',
            ...(manifest ? ['--manifest', options.tag] : ['-t', options.tag]),
            ...argFlags([...common, ...baseArgs]),
            '.',
          ],
          { cwd: repoRoot },
        );
      }
      return;
    }
    default: {
      const never: never = options.builder;
      throw new Error(`unknown builder ${String(never)}`);
    }
  }
}

/** Removes an image or manifest list of that name from the buildah store, if there is one. */
function removeImage(name: string): void {
  const names = buildahOut(['images', '--all', '--format', '{{.Name}}:{{.Tag}}']).split('\n');
  const full = name.includes('/') ? name : `localhost/${name}`;
  if (names.includes(full)) buildahOut(['rmi', '--force', full]);
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      arch: { type: 'string' },
      'local-base': { type: 'boolean' },
      tag: { type: 'string' },
      builder: { type: 'string' },
    },
  });
  const builder = values.builder ?? (hasDockerDaemon() ? 'docker' : 'buildah');
  if (builder !== 'docker' && builder !== 'buildah') {
    console.error(`container: --builder must be docker or buildah, not "${builder}"`);
    process.exit(2);
  }
  const arches = values.arch ? parseArchList(values.arch) : ARCHES;
  if (values['local-base'] && builder !== 'buildah') {
    console.error('container: --local-base builds into the buildah store: use --builder buildah');
    process.exit(2);
  }
  const bases = values['local-base']
    ? localBases([...new Set([hostArch(), ...arches])])
    : undefined;
  buildImage({ bases, tag: values.tag ?? defaultTag(), builder, arches });
}
