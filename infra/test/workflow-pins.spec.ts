import { describe, expect, it } from 'vitest';
import { at, step, workflow, workflowFiles, workflowText, type Job } from './workflows.ts';

/** A `uses:` line pinned by full commit SHA, with the release tag it stands for in a comment. */
const PINNED =
  /^\s*(?:-\s+)?uses:\s+([\w.-]+\/[\w.-]+(?:\/[\w./-]+)?)@([0-9a-f]{40})\s+#\s+(v\d+\.\d+\.\d+)\s*$/;

const usesLines = workflowFiles().flatMap((file) =>
  workflowText(file)
    .split('\n')
    .map((line, i) => ({ file, line: i + 1, text: line }))
    .filter(({ text }) => /^\s*(?:-\s+)?uses:/.test(text)),
);

describe('every workflow pins its actions by commit SHA', () => {
  it('pins each `uses:` to a 40-hex commit with its release tag in a comment', () => {
    expect(usesLines.length).toBeGreaterThan(10);
    const unpinned = usesLines.filter(({ text }) => !PINNED.test(text));
    expect(unpinned.map(({ file, line, text }) => `${file}:${line}: ${text.trim()}`)).toEqual([]);
  });

  it('uses one SHA per action everywhere (an upgrade changes every use at once)', () => {
    const shas = new Map<string, Set<string>>();
    for (const { text } of usesLines) {
      const [, action, sha, tag] = PINNED.exec(text) ?? [];
      if (!action) continue;
      shas.set(action, (shas.get(action) ?? new Set()).add(`${sha} ${tag}`));
    }
    for (const [action, pins] of shas) expect([...pins], action).toHaveLength(1);
  });

  it('the check catches tags, branches, short SHAs and missing comments', () => {
    for (const bad of [
      '      - uses: actions/checkout@v4',
      '      - uses: actions/checkout@main',
      '      - uses: actions/checkout@3d3c42e',
      '      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1',
      '      - uses: actions/checkout@3D3C42E5AAC5BA805825DA76410C181273BA90B1 # v7.0.1',
      '      - uses: docker://alpine:3',
    ])
      expect(PINNED.test(bad), bad).toBe(false);
    expect(
      PINNED.test(
        '      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1',
      ),
    ).toBe(true);
  });

  it('every parsed `uses:` is one the line check saw (no flow-style step escapes it)', () => {
    const parsed = workflowFiles().flatMap((file) =>
      Object.values(workflow(file).jobs).flatMap((job) => job.steps.flatMap((s) => s.uses ?? [])),
    );
    expect(parsed).toHaveLength(usesLines.length);
    for (const ref of parsed) expect(ref).toMatch(/@[0-9a-f]{40}$/);
  });
});

describe('caches', () => {
  const ci = workflow('ci.yml');
  const deploy = workflow('deploy.yml');
  const affected = ci.jobs['affected'] as Job;
  const staging = deploy.jobs['staging'] as Job;
  const production = deploy.jobs['production'] as Job;
  const caches = (job: Job) => job.steps.filter((s) => s.uses?.startsWith('actions/cache@'));
  const cache = (job: Job, path: string) => caches(job).find((s) => s.with?.['path'] === path);

  it('keeps the Nx cache keyed on the lockfile and the commit in every job that runs Nx', () => {
    for (const job of [affected, staging, production]) {
      const nx = cache(job, '.nx/cache');
      const key = String(nx?.with?.['key']);
      expect(key).toMatch(
        /^nx-\$\{\{ runner\.os \}\}-\$\{\{ hashFiles\('package-lock\.json'\) \}\}-\$\{\{ github\.(sha|event\.workflow_run\.head_sha) \}\}$/,
      );
      // Only entries made with the same lockfile are restored (Nx's hashes include it).
      expect(nx?.with?.['restore-keys']).toBe(
        "nx-${{ runner.os }}-${{ hashFiles('package-lock.json') }}-",
      );
      expect(job.steps.indexOf(nx!)).toBeLessThan(at(job, /npx nx /));
    }
  });

  it('keeps the buildx layer cache in staging, where the one image build happens', () => {
    const buildx = cache(staging, '${{ runner.temp }}/buildx-cache');
    expect(String(buildx?.with?.['key'])).toContain(
      "hashFiles('docker/Dockerfile', 'package-lock.json')",
    );
    const deployStep = step(staging, /chart:deploy -c staging/);
    expect(deployStep.env?.['BUILDX_CACHE_DIR']).toBe('${{ runner.temp }}/buildx-cache');
    // The docker-container driver (setup-buildx) is what can export a local cache.
    expect(at(staging, /docker\/setup-buildx-action@/)).toBeLessThan(
      staging.steps.indexOf(deployStep),
    );
    expect(staging.steps.indexOf(buildx!)).toBeLessThan(staging.steps.indexOf(deployStep));
  });

  it("caches Playwright's browser download and installs it only on a miss (system libraries every run)", () => {
    for (const job of [affected, staging]) {
      const playwright = cache(job, '~/.cache/ms-playwright');
      expect(playwright?.id).toBe('playwright-cache');
      const install = step(job, /playwright install --with-deps chromium/);
      const deps = step(job, /playwright install-deps chromium/);
      expect(install.if).toBe("steps.playwright-cache.outputs.cache-hit != 'true'");
      expect(deps.if).toBe("steps.playwright-cache.outputs.cache-hit == 'true'");
      expect(job.steps.indexOf(playwright!)).toBeLessThan(job.steps.indexOf(install));
    }
    expect(cache(production, '~/.cache/ms-playwright')).toBeUndefined();
  });
});
