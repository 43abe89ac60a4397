import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';

/** One link found in a Markdown file: where it points and on which line it is written. */
export interface MarkdownLink {
  target: string;
  line: number;
}

/** A link that does not resolve, with the reason in words. */
export interface BrokenLink {
  /** The Markdown file, relative to the root. */
  file: string;
  line: number;
  target: string;
  reason: string;
}

/** Folders never searched for Markdown: installed, generated or tool-owned. */
const SKIPPED_DIRS = new Set([
  'node_modules',
  '.git',
  '.nx',
  'dist',
  'cdk.out',
  'out-tsc',
  'coverage',
]);

/** Blanks fenced code blocks (``` or ~~~), keeping line breaks so line numbers stay right. */
export function stripFences(markdown: string): string {
  let fence: string | null = null;
  return markdown
    .split('\n')
    .map((line) => {
      const open = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
      if (fence === null && open) {
        fence = open[1]!;
        return '';
      }
      if (fence !== null) {
        if (line.trim().startsWith(fence)) fence = null;
        return '';
      }
      return line;
    })
    .join('\n');
}

/**
 * Blanks fenced code blocks and inline code spans, so that link-like text in code examples is not
 * taken for a link.
 */
export function stripCode(markdown: string): string {
  return stripFences(markdown).replace(/(`+)[^`\n]*?\1/g, (span) => ' '.repeat(span.length));
}

const INLINE =
  /!?\[(?:[^[\]\n]|\[[^\]\n]*\])*\]\(\s*(<[^>\n]*>|[^\s)]+)(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)/g;
const REFERENCE = /^\s{0,3}\[[^\]\n]+\]:\s*(<[^>\n]*>|\S+)/gm;
const HTML = /<(?:a|img)\b[^>]*?\b(?:href|src)\s*=\s*"([^"]*)"/gi;

/** Every link target in a Markdown text (inline, image, reference definition, HTML `href`/`src`). */
export function markdownLinks(markdown: string): MarkdownLink[] {
  const text = stripCode(markdown);
  const found: { index: number; target: string }[] = [];
  for (const re of [INLINE, REFERENCE, HTML]) {
    for (const m of text.matchAll(re)) {
      const raw = m[1]!;
      found.push({ index: m.index, target: raw.startsWith('<') ? raw.slice(1, -1) : raw });
    }
  }
  return found
    .sort((a, b) => a.index - b.index)
    .map(({ index, target }) => ({ target, line: text.slice(0, index).split('\n').length }));
}

/** True for links that leave the repository by design (a URL scheme or a protocol-relative URL). */
export function isExternal(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function headingSlug(heading: string): string {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*`]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M} _-]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors a Markdown file offers: its headings' slugs (numbered when repeated) and HTML ids. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of stripFences(markdown).split('\n')) {
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const slug = headingSlug(heading[1]!);
      const n = seen.get(slug) ?? 0;
      seen.set(slug, n + 1);
      anchors.add(n === 0 ? slug : `${slug}-${n}`);
    }
    for (const m of line.matchAll(/\b(?:id|name)\s*=\s*"([^"]+)"/g)) anchors.add(m[1]!);
  }
  return anchors;
}

/** Markdown files under `root` whose name is README.md, plus every `.md` file under `root/docs`. */
export function documentationFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string, inDocs: boolean): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name))
          walk(path, inDocs || (dir === root && entry.name === 'docs'));
      } else if (
        entry.isFile() &&
        (entry.name === 'README.md' || (inDocs && entry.name.endsWith('.md')))
      ) {
        files.push(path);
      }
    }
  };
  walk(root, false);
  return files.sort();
}

/** Why `target` (written in `file`) does not resolve inside `root`, or null when it does. */
export function linkProblem(root: string, file: string, target: string): string | null {
  if (isExternal(target)) return null;
  const hash = target.indexOf('#');
  const pathPart = (hash < 0 ? target : target.slice(0, hash)).replace(/\?.*$/, '');
  const fragment = hash < 0 ? '' : target.slice(hash + 1);
  let path: string;
  try {
    path = decodeURIComponent(pathPart);
  } catch {
    return 'the path is not valid percent-encoding';
  }
  const resolved =
    path === '' ? file : path.startsWith('/') ? join(root, path) : resolve(dirname(file), path);
  const inside = relative(root, resolved);
  if (inside.startsWith('..') || inside.startsWith(sep) || resolve(root, inside) !== resolved)
    return 'it points outside the repository';
  if (!existsSync(resolved)) return `${inside || '.'} does not exist`;
  if (fragment === '' || statSync(resolved).isDirectory() || extname(resolved) !== '.md')
    return null;
  const anchors = anchorsOf(readFileSync(resolved, 'utf8'));
  return anchors.has(decodeURIComponent(fragment).toLowerCase())
    ? null
    : `${inside} has no heading for #${fragment}`;
}

/** Every link in the README.md files and docs/ of `root` that does not resolve inside `root`. */
export function brokenLinks(root: string, files = documentationFiles(root)): BrokenLink[] {
  const broken: BrokenLink[] = [];
  for (const file of files) {
    for (const link of markdownLinks(readFileSync(file, 'utf8'))) {
      const reason = linkProblem(root, file, link.target);
      if (reason !== null)
        broken.push({ file: relative(root, file), line: link.line, target: link.target, reason });
    }
  }
  return broken;
}
