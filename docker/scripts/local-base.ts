/**
 * Builds a local stand-in for `node:24-bookworm-slim` where no registry can be pulled from:
 * a Debian bookworm minbase root (debootstrap, from Debian's own mirror) plus this Node 24 binary
 * and npm, committed to the private buildah store. Cached by Node version; prints the image name.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildah, buildahOut, capture, run } from './tools.ts';

/** Name of the local base image for the running Node version. */
export function localBaseName(): string {
  return `localhost/tengen-base:bookworm-node${process.versions.node}-2`;
}

/** Creates the local base image unless the store already has it; returns its name. */
export function ensureLocalBase(): string {
  const name = localBaseName();
  const existing = buildahOut(['images', '--format', '{{.Name}}:{{.Tag}}']).split('\n');
  if (existing.includes(name)) return name;

  const work = mkdtempSync(join(tmpdir(), 'tengen-base-'));
  const rootfs = join(work, 'rootfs');
  try {
    console.log(`local base: debootstrap bookworm into ${rootfs}`);
    run('debootstrap', ['--variant=minbase', 'bookworm', rootfs], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    // Node 24 itself (the binary running this script), and npm from the machine's installation.
    cpSync(process.execPath, join(rootfs, 'usr/local/bin/node'));
    // Node's headers, where the official image has them, for native addons (better-sqlite3).
    const headers = join(dirname(dirname(process.execPath)), 'include', 'node');
    if (!existsSync(join(headers, 'node_api.h'))) throw new Error(`no Node headers at ${headers}`);
    cpSync(headers, join(rootfs, 'usr/local/include/node'), { recursive: true });
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
    buildah(['config', '--env', path, ...caEnv, '--cmd', 'node', container]);
    buildah(['commit', '--quiet', '--rm', container, name], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    return name;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  console.log(ensureLocalBase());
}
