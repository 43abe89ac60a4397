/**
 * Builds Phaser from its CommonJS sources with only the parts this game uses (see
 * `src/vendor/phaser-lite.js`) and with the Canvas renderer and sound compiled out, the way Phaser's
 * own webpack build does with `DefinePlugin`. The full ESM bundle is ~355 KB gzip; this is far smaller.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);
/** Absolute path of `node_modules/phaser/src` (its package `exports` hide the sources from bare imports). */
export const PHASER_SRC = join(dirname(require.resolve('phaser/package.json')), 'src');
/** The selective entry point that stands in for `import Phaser from 'phaser'`. */
export const PHASER_LITE_ENTRY = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'src',
  'vendor',
  'phaser-lite.js',
);

const FLAGS: Record<string, boolean> = {
  CANVAS_RENDERER: false,
  WEBGL_RENDERER: true,
  WEBGL_DEBUG: false,
  FEATURE_SOUND: false,
  PLUGIN_CAMERA3D: false,
  PLUGIN_FBINSTANT: false,
};
const FLAG_PATTERN =
  /typeof (CANVAS_RENDERER|WEBGL_RENDERER|WEBGL_DEBUG|FEATURE_SOUND|PLUGIN_CAMERA3D|PLUGIN_FBINSTANT)\b/g;

/** Replaces the feature flags in one of Phaser's source files (null when nothing changes). */
function replaceFlags(code: string, id: string): { code: string; map: null } | null {
  if (!id.startsWith(PHASER_SRC) || !code.includes('typeof ')) return null;
  const out = code.replace(FLAG_PATTERN, (_m, flag: string) => String(FLAGS[flag]));
  return out === code ? null : { code: out, map: null };
}

/**
 * Vite plugin: aliases `phaser` to the lite entry and replaces Phaser's build-time feature flags, in
 * the build and in the dev server's dependency pre-bundling (which runs its own Rolldown pass).
 */
export function phaserLite(): Plugin {
  return {
    name: 'tengen:phaser-lite',
    enforce: 'pre',
    config: () => ({
      resolve: {
        alias: [
          { find: /^phaser$/, replacement: PHASER_LITE_ENTRY },
          { find: /^phaser-src\//, replacement: `${PHASER_SRC}/` },
        ],
      },
      optimizeDeps: {
        // The network SDK is imported lazily; pre-bundle it up front so the dev server never reloads.
        include: ['@colyseus/sdk'],
        rolldownOptions: { plugins: [{ name: 'tengen:phaser-flags', transform: replaceFlags }] },
      },
    }),
    transform: replaceFlags,
  };
}
