/**
 * For the promotion tests: a real OCI registry (Debian's `docker-registry`, the CNCF distribution
 * registry) on a free loopback port, and a small multi-platform image written as an OCI layout
 * that skopeo can push into it. No test image is ever pulled from outside.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { freePort } from '@tengen/test-kit';

/** A running registry: `host` is `127.0.0.1:<port>`. */
export interface TestRegistry {
  host: string;
  stop(): Promise<void>;
}

/** Starts a registry with its own storage folder and waits until `/v2/` answers. */
export async function startRegistry(): Promise<TestRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'registry-'));
  const port = await freePort();
  const config = join(dir, 'config.yml');
  writeFileSync(
    config,
    [
      'version: 0.1',
      'log: { level: error }',
      `storage: { filesystem: { rootdirectory: ${join(dir, 'data')} }, delete: { enabled: false } }`,
      `http: { addr: 127.0.0.1:${port} }`,
      '',
    ].join('\n'),
  );
  const proc = spawn('docker-registry', ['serve', config], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const host = `127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    proc.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      if ((await fetch(`http://${host}/v2/`)).status === 200) return { host, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || proc.exitCode !== null) {
      await stop();
      throw new Error(`docker-registry did not answer on ${host}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function blob(dir: string, bytes: Buffer): { digest: string; size: number } {
  const hex = createHash('sha256').update(bytes).digest('hex');
  writeFileSync(join(dir, 'blobs', 'sha256', hex), bytes);
  return { digest: `sha256:${hex}`, size: bytes.length };
}

/**
 * Writes an OCI layout holding one image index (linux/amd64 and linux/arm64, like the multi-arch
 * image) under `tag`, whose contents differ with `seed`. Returns the layout folder and the index's
 * digest (what a registry serves for the tag).
 */
export function ociImage(seed: string, tag = 'image'): { layout: string; digest: string } {
  const layout = mkdtempSync(join(tmpdir(), 'oci-'));
  mkdirSync(join(layout, 'blobs', 'sha256'), { recursive: true });
  const manifests = ['amd64', 'arm64'].map((architecture) => {
    const content = Buffer.from(`${seed} ${architecture}\n`);
    const layer = blob(layout, gzipSync(content));
    const config = blob(
      layout,
      Buffer.from(
        JSON.stringify({
          architecture,
          os: 'linux',
          rootfs: {
            type: 'layers',
            diff_ids: [`sha256:${createHash('sha256').update(content).digest('hex')}`],
          },
        }),
      ),
    );
    const manifest = blob(
      layout,
      Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
          layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...layer }],
        }),
      ),
    );
    return {
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      ...manifest,
      platform: { architecture, os: 'linux' },
    };
  });
  const index = blob(
    layout,
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests,
      }),
    ),
  );
  writeFileSync(join(layout, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  writeFileSync(
    join(layout, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.index.v1+json',
          ...index,
          annotations: { 'org.opencontainers.image.ref.name': tag },
        },
      ],
    }),
  );
  return { layout, digest: index.digest };
}

/** Pushes an OCI layout's tagged image to `ref` (repository:tag) as a build's push would. */
export function pushLayout(layout: string, tag: string, ref: string): void {
  const result = spawnSync(
    'skopeo',
    [
      'copy',
      '--all',
      '--preserve-digests',
      '--dest-tls-verify=false',
      `oci:${layout}:${tag}`,
      `docker://${ref}`,
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`skopeo copy to ${ref} failed: ${result.stderr}`);
}
