import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { StoredEncoding } from './accept-encoding.ts';

/** One built file of the client and its precompressed twins (`x.js.br`, `x.js.gz`) when the build made them. */
export interface ClientFile {
  /** Path inside the client folder, `/`-separated: `assets/index-B2xY9_aQ.js`. */
  path: string;
  ext: string;
  bodies: Partial<Record<StoredEncoding, Buffer>> & { identity: Buffer };
  /** A strong validator of the file's content; the encoding is appended per variant. */
  tag: string;
}

const TWINS: Record<string, StoredEncoding> = { '.br': 'br', '.gz': 'gzip' };

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

/**
 * Reads the built client into memory once, at start-up (about 1 MB with its twins): every request is
 * then a map lookup, and a path that is not a built file can never reach the file system. A `.br` or
 * `.gz` file whose original is missing is ignored, and twins are never served under their own names.
 */
export function loadClientFiles(dir: string): Map<string, ClientFile> {
  const files = new Map<string, ClientFile>();
  const all = walk(dir).map((abs) => relative(dir, abs).split(sep).join('/'));
  const names = new Set(all);
  for (const path of all) {
    const twin = TWINS[extname(path)];
    if (twin !== undefined && names.has(path.slice(0, -extname(path).length))) continue;
    const identity = readFileSync(join(dir, path));
    const bodies: ClientFile['bodies'] = { identity };
    for (const [suffix, enc] of Object.entries(TWINS))
      if (names.has(path + suffix)) bodies[enc] = readFileSync(join(dir, path + suffix));
    const tag = createHash('sha256').update(identity).digest('base64url').slice(0, 20);
    files.set(path, { path, ext: extname(path), bodies, tag });
  }
  return files;
}
