/**
 * Writes a brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) twin beside every file the build
 * emits, index.html included, so the server sends compressed bytes without compressing per request
 * (`apps/server/src/http/static-client.ts` picks one by Accept-Encoding). A twin that would not be
 * smaller than its file is not written: the file itself is then the best choice.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Compresses one file into its twins; returns the bytes of each (0 when not written). */
export async function precompressFile(path: string): Promise<{ br: number; gz: number }> {
  const body = await readFile(path);
  const [b, g] = await Promise.all([
    brotli(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
    gz(body, { level: 9 }),
  ]);
  const out = { br: 0, gz: 0 };
  if (b.length < body.length) await writeFile(`${path}.br`, b).then(() => (out.br = b.length));
  if (g.length < body.length) await writeFile(`${path}.gz`, g).then(() => (out.gz = g.length));
  return out;
}

/** The Vite plugin: runs after the bundle is written (production builds only). */
export function precompress(): Plugin {
  return {
    name: 'tengen-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      await Promise.all(Object.keys(bundle).map((file) => precompressFile(join(dir, file))));
    },
  };
}
