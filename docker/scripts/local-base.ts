/**
 * Builds a local stand-in for `node:24-bookworm-slim` where no registry can be pulled from:
 * a Debian bookworm minbase root (debootstrap, from Debian's own mirror) plus a Node 24 binary
 * and npm, committed to the private buildah store. Cached by Node version and architecture; prints
 * the image name.
 *
 * For another architecture (arm64 on this amd64 machine) nothing of that architecture is executed:
 * debootstrap runs its first stage only (`--foreign`: download and unpack the packages, which is
 * all a runtime needs: glibc, libstdc++), and Node is the official binary of the npm package
 * `node-linux-<cpu>` at the running Node's version.
 */
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { hostArch, nodeCpu, parseArch, type Arch } from './platforms.ts';
import { buildah, buildahOut, buildahStore, capture, run } from './tools.ts';

/** Name of the local base image for the running Node version and an architecture. */
export function localBaseName(arch: Arch = hostArch()): string {
  const suffix = arch === hostArch() ? '-2' : `-${arch}-1`;
  return `localhost/tengen-base:bookworm-node${process.versions.node}${suffix}`;
}

/**
 * A Node distribution folder (`bin/node`, `include/node`) of `arch` at the running version: the
 * running one for this machine, else the official build from the npm registry (cached).
 */
function nodeDistribution(arch: Arch): string {
  if (arch === hostArch()) return dirname(dirname(process.execPath));
  const cpu = nodeCpu(arch);
  const dir = join(dirname(buildahStore), `node-linux-${cpu}-${process.versions.node}`);
  if (existsSync(join(dir, 'package', 'bin', 'node'))) return join(dir, 'package');
  mkdirSync(dir, { recursive: true });
  const spec = `node-linux-${cpu}@${process.versions.node}`;
  console.log(`local base: npm pack ${spec}`);
  const tarball = capture('npm', ['pack', spec, '--silent', '--pack-destination', dir]);
  run('tar', ['-xzf', join(dir, tarball.split('\n').pop()!), '-C', dir]);
  rmSync(join(dir, tarball.split('\n').pop()!));
  return join(dir, 'package');
}

/** Debian bookworm minbase into `rootfs`, for `arch`, without running code of another architecture. */
function debootstrap(arch: Arch, rootfs: string): void {
  const foreign = arch !== hostArch();
  console.log(
    `local base: debootstrap${foreign ? ' --foreign' : ''} bookworm ${arch} into ${rootfs}`,
  );
  run(
    'debootstrap',
    ['--variant=minbase', `--arch=${arch}`, ...(foreign ? ['--foreign'] : []), 'bookworm', rootfs],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (!foreign) return;
  // What the second stage would have done that a runtime needs: the accounts files (base-passwd's
  // masters) and a real /proc mount point; the downloaded .debs and the installer are dropped.
  for (const file of ['passwd', 'group']) {
    const target = join(rootfs, 'etc', file);
    if (!existsSync(target))
      cpSync(join(rootfs, 'usr/share/base-passwd', `${file}.master`), target);
  }
  const proc = join(rootfs, 'proc');
  if (lstatSync(proc).isSymbolicLink()) {
    rmSync(proc);
    mkdirSync(proc);
  }
  rmSync(join(rootfs, 'debootstrap'), { recursive: true, force: true });
  const archives = join(rootfs, 'var/cache/apt/archives');
  for (const deb of readdirSync(archives).filter((f) => f.endsWith('.deb')))
    rmSync(join(archives, deb));
}

/** Creates the local base image unless the store already has it; returns its name. */
export function ensureLocalBase(arch: Arch = hostArch()): string {
  const name = localBaseName(arch);
  const existing = buildahOut(['images', '--format', '{{.Name}}:{{.Tag}}']).split('\n');
  if (existing.includes(name)) return name;

  const work = mkdtempSync(join(tmpdir(), 'tengen-base-'));
  const rootfs = join(work, 'rootfs');
  try {
    debootstrap(arch, rootfs);
    const node = nodeDistribution(arch);
    mkdirSync(join(rootfs, 'usr/local/bin'), { recursive: true });
    cpSync(join(node, 'bin', 'node'), join(rootfs, 'usr/local/bin/node'));
    // Node's headers, where the official image has them, for native addons (better-sqlite3).
    const headers = join(node, 'include', 'node');
    if (!existsSync(join(headers, 'node_api.h'))) throw new Error(`no Node headers at ${headers}`);
    cpSync(headers, join(rootfs, 'usr/local/include/node'), { recursive: true });
    // npm is JavaScript: the machine's installation serves every architecture.
    const npmDir = dirname(dirname(realpathSync(capture('sh', ['-c', 'command -v npm']))));
    mkdirSync(join(rootfs, 'usr/local/lib/node_modules'), { recursive: true });
    cpSync(npmDir, join(rootfs, 'usr/local/lib/node_modules/npm'), { recursive: true });
    symlinkSync('../lib/node_modules/npm/bin/npm-cli.js', join(rootfs, 'usr/local/bin/npm'));
    symlinkSync('../lib/node_modules/npm/bin/npx-cli.js', join(rootfs, 'usr/local/bin/npx'));
    if (!existsSync(join(rootfs, 'usr/local/bin/npm'))) throw new Error('npm was not copied');

    // Behind a TLS-intercepting proxy the machine trusts extra CAs; the base carries the machine's
    // bundle so that npm inside the build trusts what the machine trusts.
    const caEnv: string[] = [];
    const bundle = process.env['NODE_EXTRA_CA_CERTS'] ?? process.env['SSL_CERT_FILE'];
    if (bundle && existsSync(bundle)) {
      cpSync(bundle, join(rootfs, 'etc/ssl/machine-ca-bundle.crt'));
      caEnv.push('--env', 'NODE_EXTRA_CA_CERTS=/etc/ssl/machine-ca-bundle.crt');
      caEnv.push('--env', 'NPM_CONFIG_CAFILE=/etc/ssl/machine-ca-bundle.crt');
    }

    const container = buildahOut(['from', 'scratch']);
    const mount = buildahOut(['mount', container]);
    run('cp', ['-a', `${rootfs}/.`, `${mount}/`]);
    buildah(['umount', container]);
    const path = 'PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin';
    buildah([
      'config',
      '--arch',
      arch,
      '--os',
      'linux',
      '--env',
      path,
      ...caEnv,
      '--cmd',
      'node',
      container,
    ]);
    buildah(['commit', '--quiet', '--rm', container, name], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    return name;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { arch: { type: 'string' } } });
  console.log(ensureLocalBase(values.arch === undefined ? hostArch() : parseArch(values.arch)));
}
