import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  anchorsOf,
  brokenLinks,
  documentationFiles,
  headingSlug,
  markdownLinks,
} from './markdown-links.ts';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));

describe('markdownLinks', () => {
  it('finds inline, image, reference and HTML links with their lines', () => {
    const text = [
      'See [the rules](docs/rules.md#randomizer) and ![a board](img/board.png "Board").',
      '[ref]: ../other/README.md',
      'A [link with [brackets] inside](<a file.md>) and <a href="x/y.md">html</a>.',
    ].join('\n');
    expect(markdownLinks(text)).toEqual([
      { target: 'docs/rules.md#randomizer', line: 1 },
      { target: 'img/board.png', line: 1 },
      { target: '../other/README.md', line: 2 },
      { target: 'a file.md', line: 3 },
      { target: 'x/y.md', line: 3 },
    ]);
  });

  it('ignores code: fenced blocks and inline spans', () => {
    const text = [
      'Run `[not](a-link.md)` first.',
      '```md',
      '[also not](b.md)',
      '```',
      '~~~',
      '[nor](c.md)',
      '~~~',
      'But [this](d.md).',
    ].join('\n');
    expect(markdownLinks(text)).toEqual([{ target: 'd.md', line: 8 }]);
  });
});

describe('anchors', () => {
  it('slugs headings as GitHub does', () => {
    expect(headingSlug('Playing: fair play, duo, watching')).toBe('playing-fair-play-duo-watching');
    expect(headingSlug('Score outbox (nothing lost when the database cannot be written)')).toBe(
      'score-outbox-nothing-lost-when-the-database-cannot-be-written',
    );
    expect(headingSlug('`bot` and **protocol**')).toBe('bot-and-protocol');
    expect(headingSlug('What each part may never import')).toBe('what-each-part-may-never-import');
  });

  it('numbers repeated headings and skips headings inside code', () => {
    const text = ['# Usage', '## Usage', '```sh', '# not a heading', '```', '<a id="custom"></a>'];
    expect([...anchorsOf(text.join('\n'))].sort()).toEqual(['custom', 'usage', 'usage-1']);
  });
});

describe('brokenLinks on a scratch repository', () => {
  const root = mkdtempSync(join(tmpdir(), 'docs-links-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reports missing files, links leaving the repository and missing anchors, nothing else', () => {
    mkdirSync(join(root, 'docs'));
    mkdirSync(join(root, 'lib', 'node_modules', 'dep'), { recursive: true });
    writeFileSync(
      join(root, 'docs', 'guide.md'),
      '# Guide\n\n## Set up\n\nBack to [top](#guide).\n',
    );
    writeFileSync(join(root, 'lib', 'node_modules', 'dep', 'README.md'), '[gone](nowhere.md)\n');
    writeFileSync(
      join(root, 'README.md'),
      [
        '[guide](docs/guide.md) [section](docs/guide.md#set-up) [folder](lib/) [web](https://example.com)',
        '[missing](docs/missing.md)',
        '[outside](../shared/spec/nes-rules.md)',
        '[no such section](docs/guide.md#tear-down) [here](#nothing)',
        '[absolute](/docs/guide.md)',
      ].join('\n'),
    );
    const files = documentationFiles(root).map((f) => relative(root, f));
    expect(files).toEqual(['README.md', join('docs', 'guide.md')]);
    expect(brokenLinks(root).map(({ line, target, reason }) => [line, target, reason])).toEqual([
      [2, 'docs/missing.md', `${join('docs', 'missing.md')} does not exist`],
      [3, '../shared/spec/nes-rules.md', 'it points outside the repository'],
      [4, 'docs/guide.md#tear-down', `${join('docs', 'guide.md')} has no heading for #tear-down`],
      [4, '#nothing', 'README.md has no heading for #nothing'],
    ]);
  });
});

describe('this repository', () => {
  it('checks the root README, every project README and docs/', () => {
    const files = documentationFiles(REPO).map((f) => relative(REPO, f));
    expect(files).toEqual(
      expect.arrayContaining([
        'README.md',
        join('docs', 'architecture.md'),
        join('docs', 'rules.md'),
        join('docs', 'protocol.md'),
        join('docs', 'operations.md'),
        join('apps', 'server', 'README.md'),
        join('infra', 'README.md'),
      ]),
    );
  });

  it('has no broken relative link in a README or in docs/', () => {
    const broken = brokenLinks(REPO).map((b) => `${b.file}:${b.line}: ${b.target}: ${b.reason}`);
    expect(broken).toEqual([]);
  });
});
