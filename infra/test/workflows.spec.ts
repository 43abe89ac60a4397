import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  permissions?: Record<string, string>;
  environment?: string | { name: string; url?: string };
  concurrency?: { group: string; 'cancel-in-progress': boolean | string };
  steps: Step[];
}
interface Workflow {
  name?: string;
  on: Record<
    string,
    { branches?: string[]; tags?: string[]; workflows?: string[]; types?: string[] } | null
  >;
  permissions?: Record<string, string>;
  concurrency?: { group: string };
  jobs: Record<string, Job>;
}

const workflow = (name: string): Workflow =>
  parse(readFileSync(join(root, '.github', 'workflows', name), 'utf8')) as Workflow;
const ci = workflow('ci.yml');
const deploy = workflow('deploy.yml');
const allJobs = [...Object.values(ci.jobs), ...Object.values(deploy.jobs)];

/** Index of the first step whose `run` or `uses` matches. */
const at = (job: Job, pattern: RegExp): number =>
  job.steps.findIndex((s) => pattern.test(s.run ?? s.uses ?? ''));
const environmentName = (job: Job) =>
  typeof job.environment === 'string' ? job.environment : job.environment?.name;

describe('ci.yml', () => {
  const job = ci.jobs['affected'] as Job;

  it('runs on pull requests and pushes to main, cancelling superseded PR runs', () => {
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    expect(ci.on['push']?.branches).toEqual(['main']);
    expect(ci.concurrency?.group).toContain('github.ref');
  });

  it('gets a read-only token and no cloud credentials', () => {
    expect(ci.permissions).toEqual({ contents: 'read', actions: 'read' });
    expect(JSON.stringify(ci)).not.toMatch(/id-token|configure-aws-credentials/);
  });

  it('checks out full history and installs with npm ci on the .nvmrc Node', () => {
    expect(job.steps[at(job, /actions\/checkout/)]?.with).toMatchObject({ 'fetch-depth': 0 });
    expect(job.steps[at(job, /actions\/setup-node/)]?.with).toEqual({
      'node-version-file': '.nvmrc',
      cache: 'npm',
    });
    expect(readFileSync(join(root, '.nvmrc'), 'utf8').trim()).toMatch(/^24/);
    expect(at(job, /^npm ci$/)).toBeGreaterThan(at(job, /actions\/setup-node/));
  });

  it('runs nx affected against the base/head from nx-set-shas, then e2e after installing Chromium', () => {
    const shas = at(job, /nrwl\/nx-set-shas/);
    const main = at(
      job,
      /nx affected -t lint typecheck test build --base=\$NX_BASE --head=\$NX_HEAD/,
    );
    const chromium = at(job, /npx playwright install --with-deps chromium/);
    const e2e = at(job, /nx affected -t e2e --base=\$NX_BASE --head=\$NX_HEAD/);
    expect(shas).toBeGreaterThan(at(job, /^npm ci$/));
    expect(
      [shas, main, chromium, e2e].every(
        (i, n, all) => i >= 0 && (n === 0 || i > (all[n - 1] ?? -1)),
      ),
    ).toBe(true);
    for (const step of job.steps.filter((s) => s.run?.includes('nx affected')))
      expect(step.run).toMatch(/--base=\$NX_BASE --head=\$NX_HEAD/);
  });

  it('shows the deploy plan as a dry run only', () => {
    expect(at(job, /nx affected -t deploy -c dry-run/)).toBeGreaterThan(0);
    expect(job.steps.some((s) => /-c (staging|production)/.test(s.run ?? ''))).toBe(false);
  });
});

describe('deploy.yml', () => {
  const staging = deploy.jobs['staging'] as Job;
  const production = deploy.jobs['production'] as Job;

  it('deploys staging only after ci.yml passed on a push to main, and production on v* tags', () => {
    expect(Object.keys(deploy.on).sort()).toEqual(['push', 'workflow_run']);
    expect(deploy.on['workflow_run']).toEqual({
      workflows: [ci.name],
      types: ['completed'],
      branches: ['main'],
    });
    expect(deploy.on['push']).toEqual({ tags: ['v*'] });
    expect(staging.if).toContain("github.event_name == 'workflow_run'");
    expect(staging.if).toContain("github.event.workflow_run.conclusion == 'success'");
    expect(staging.if).toContain("github.event.workflow_run.event == 'push'");
    expect(production.if).toBe("startsWith(github.ref, 'refs/tags/v')");
  });

  it('deploys to staging exactly the commit CI tested', () => {
    const checkout = staging.steps[at(staging, /actions\/checkout/)];
    expect(checkout?.with?.['ref']).toBe('${{ github.event.workflow_run.head_sha }}');
    expect(JSON.stringify(staging)).not.toContain('github.sha');
  });

  it('refuses a release tag that does not point at a commit of main, before any credentials', () => {
    const check = at(production, /git merge-base --is-ancestor "\$GITHUB_SHA" origin\/main/);
    expect(check).toBeGreaterThan(at(production, /actions\/checkout/));
    expect(check).toBeLessThan(at(production, /configure-aws-credentials/));
    expect(production.steps[at(production, /actions\/checkout/)]?.with).toMatchObject({
      'fetch-depth': 0,
    });
  });

  it('caches the Nx cache and the Playwright browser where they are used', () => {
    for (const job of [ci.jobs['affected'] as Job, staging]) {
      const caches = job.steps.filter((s) => s.uses?.startsWith('actions/cache@'));
      expect(caches.map((c) => c.with?.['path']).sort()).toEqual([
        '.nx/cache',
        '~/.cache/ms-playwright',
      ]);
      const playwright = job.steps.findIndex((s) => s.with?.['path'] === '~/.cache/ms-playwright');
      expect(playwright).toBeLessThan(at(job, /playwright install/));
    }
  });

  it('grants id-token only to the jobs that assume an AWS role, never at workflow level', () => {
    expect(deploy.permissions).toEqual({ contents: 'read' });
    for (const job of allJobs) {
      const assumesRole = at(job, /aws-actions\/configure-aws-credentials/) >= 0;
      expect(job.permissions?.['id-token'] === 'write').toBe(assumesRole);
      for (const [scope, level] of Object.entries(job.permissions ?? {})) {
        if (scope !== 'id-token') expect(level, scope).toBe('read');
      }
    }
  });

  it('assumes the deploy role of each stage through OIDC, from repository variables', () => {
    expect(staging.steps[at(staging, /configure-aws-credentials/)]?.with).toMatchObject({
      'role-to-assume': '${{ vars.AWS_DEPLOY_ROLE_ARN_STAGING }}',
    });
    expect(production.steps[at(production, /configure-aws-credentials/)]?.with).toMatchObject({
      'role-to-assume': '${{ vars.AWS_DEPLOY_ROLE_ARN_PRODUCTION }}',
    });
    // The role trust (infra) matches `repo:<repo>:environment:<stage>`: the job must run in that environment.
    expect(environmentName(staging)).toBe('staging');
    expect(environmentName(production)).toBe('production');
  });

  it('deploys affected projects to staging after credentials, then runs Playwright against staging', () => {
    const credentials = at(staging, /configure-aws-credentials/);
    const deployStep = at(
      staging,
      /npx nx affected -t deploy -c staging --base=\$NX_BASE --head=\$NX_HEAD/,
    );
    const chromium = at(staging, /playwright install --with-deps chromium/);
    const e2e = at(staging, /nx run-many -t e2e/);
    expect(at(staging, /nrwl\/nx-set-shas/)).toBeLessThan(deployStep);
    expect(credentials).toBeGreaterThan(0);
    expect(deployStep).toBeGreaterThan(credentials);
    expect(chromium).toBeGreaterThan(deployStep);
    expect(e2e).toBeGreaterThan(chromium);
    expect(staging.steps[e2e]?.env?.['BASE_URL']).toBe('https://${{ vars.STAGING_HOST }}');
    expect(staging.steps[deployStep]?.env?.['IMAGE_TAG']).toBe(
      '${{ github.event.workflow_run.head_sha }}',
    );
  });

  it('promotes tags to production through the gated environment, in the cluster-image-chart order', () => {
    expect(at(production, /npx nx run chart:deploy -c production/)).toBeGreaterThan(
      at(production, /configure-aws-credentials/),
    );
    const chartProject = JSON.parse(
      readFileSync(join(root, 'charts', 'tengen-tetris', 'project.json'), 'utf8'),
    ) as {
      implicitDependencies: string[];
      targets: { deploy: { dependsOn: { projects: string[]; target: string }[] } };
    };
    // A change to the image (server or client) makes the chart affected, so its new tag is deployed.
    expect(chartProject.implicitDependencies).toContain('image');
    expect(chartProject.targets.deploy.dependsOn).toEqual(
      expect.arrayContaining([
        { projects: ['infra'], target: 'deploy' },
        { projects: ['image'], target: 'deploy' },
      ]),
    );
  });

  it('never runs two deploys of one stage at once, and never cancels one midway', () => {
    expect(staging.concurrency).toEqual({ group: 'deploy-staging', 'cancel-in-progress': false });
    expect(production.concurrency).toEqual({
      group: 'deploy-production',
      'cancel-in-progress': false,
    });
  });
});

describe('every workflow', () => {
  it('pins actions to a major version, never latest or a branch', () => {
    const uses = allJobs.flatMap((job) => job.steps.flatMap((s) => (s.uses ? [s.uses] : [])));
    expect(uses.length).toBeGreaterThan(5);
    for (const ref of uses) expect(ref).toMatch(/^[\w.-]+\/[\w.-]+@v\d+$/);
  });
});
