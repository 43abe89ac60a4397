import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { at, environmentName, inOrder, root, step, workflow, type Job } from './workflows.ts';

const ci = workflow('ci.yml');
const deploy = workflow('deploy.yml');
const allJobs = [...Object.values(ci.jobs), ...Object.values(deploy.jobs)];
const staging = deploy.jobs['staging'] as Job;
const production = deploy.jobs['production'] as Job;

interface Target {
  dependsOn?: { projects: string[]; target: string }[];
  configurations?: Record<string, { command: string }>;
}
const project = (path: string) =>
  JSON.parse(readFileSync(join(root, path, 'project.json'), 'utf8')) as {
    implicitDependencies?: string[];
    targets: Record<string, Target>;
  };

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
    expect(step(job, /actions\/checkout@/).with).toMatchObject({ 'fetch-depth': 0 });
    expect(step(job, /actions\/setup-node@/).with).toEqual({
      'node-version-file': '.nvmrc',
      cache: 'npm',
    });
    expect(readFileSync(join(root, '.nvmrc'), 'utf8').trim()).toMatch(/^24/);
    expect(at(job, /^npm ci$/)).toBeGreaterThan(at(job, /actions\/setup-node@/));
  });

  it('installs the tools the tests run for real before testing (skopeo and a registry for promotion)', () => {
    const tools = step(job, /apt-get install/).run ?? '';
    for (const pkg of ['redis-server', 'prometheus', 'skopeo', 'docker-registry'])
      expect(tools).toContain(pkg);
    expect(at(job, /apt-get install/)).toBeLessThan(at(job, /nx affected -t lint typecheck test/));
  });

  it('runs nx affected against the base/head from nx-set-shas, then e2e after installing Chromium', () => {
    expect(
      inOrder(
        at(job, /^npm ci$/),
        at(job, /nrwl\/nx-set-shas@/),
        at(job, /nx affected -t lint typecheck test build --base=\$NX_BASE --head=\$NX_HEAD/),
        at(job, /npx playwright install --with-deps chromium/),
        at(job, /nx affected -t e2e --base=\$NX_BASE --head=\$NX_HEAD/),
      ),
    ).toBe(true);
    for (const s of job.steps.filter((s) => s.run?.includes('nx affected')))
      expect(s.run).toMatch(/--base=\$NX_BASE --head=\$NX_HEAD/);
  });

  it('shows the deploy plan as a dry run only', () => {
    expect(at(job, /nx affected -t deploy -c dry-run/)).toBeGreaterThan(0);
    expect(job.steps.some((s) => /-c (staging|production)/.test(s.run ?? ''))).toBe(false);
  });
});

describe('deploy.yml: staging runs only after ci.yml passed, on the commit it tested', () => {
  it('is triggered by ci.yml completing on main, and by v* tags', () => {
    expect(ci.name).toBe('ci');
    expect(Object.keys(deploy.on).sort()).toEqual(['push', 'workflow_run']);
    expect(deploy.on['workflow_run']).toEqual({
      workflows: [ci.name],
      types: ['completed'],
      branches: ['main'],
    });
    expect(deploy.on['push']).toEqual({ tags: ['v*'] });
  });

  it('runs staging only when that CI run succeeded on a push to main of this repository', () => {
    const condition = staging.if ?? '';
    for (const clause of [
      "github.event_name == 'workflow_run'",
      "github.event.workflow_run.conclusion == 'success'",
      "github.event.workflow_run.event == 'push'",
      "github.event.workflow_run.head_branch == 'main'",
      'github.event.workflow_run.head_repository.full_name == github.repository',
    ])
      expect(condition).toContain(clause);
    expect(condition).not.toMatch(/\|\|/);
    expect(production.if).toBe(
      "github.event_name == 'push' && startsWith(github.ref, 'refs/tags/v')",
    );
  });

  it('checks out, tags and deploys exactly the head_sha CI tested, never github.sha', () => {
    const sha = '${{ github.event.workflow_run.head_sha }}';
    expect(step(staging, /actions\/checkout@/).with?.['ref']).toBe(sha);
    expect(staging.env?.['IMAGE_TAG']).toBe(sha);
    expect(JSON.stringify(staging)).not.toContain('github.sha');
  });
});

describe('deploy.yml: staging builds once and records the digest; production promotes it', () => {
  it('deploys every green commit whole in staging, then smoke-tests, runs e2e, then marks the digest tested', () => {
    expect(
      inOrder(
        at(staging, /configure-aws-credentials@/),
        at(staging, /^npx nx run chart:deploy -c staging$/),
        at(
          staging,
          /^node charts\/tengen-tetris\/scripts\/smoke\.ts --stage=staging --url="\$PUBLIC_URL"$/,
        ),
        at(staging, /playwright install --with-deps chromium/),
        at(staging, /^npx nx run-many -t e2e$/),
        at(staging, /^node docker\/scripts\/mark-tested\.ts$/),
      ),
    ).toBe(true);
    expect(staging.env?.['PUBLIC_URL']).toBe('https://${{ vars.STAGING_HOST }}');
    expect(step(staging, /nx run-many -t e2e/).env?.['BASE_URL']).toBe('${{ env.PUBLIC_URL }}');
    // No `if: always()` or continue-on-error: a failed smoke or e2e step leaves the digest untested.
    for (const s of staging.steps) {
      expect(s.if ?? '').not.toMatch(/always\(\)|failure\(\)/);
      expect(s).not.toHaveProperty('continue-on-error');
    }
  });

  it('orders cluster, image, chart through dependsOn, so the chart deploy takes the image record', () => {
    const chart = project('charts/tengen-tetris');
    expect(chart.implicitDependencies).toContain('image');
    expect(chart.targets['deploy']?.dependsOn).toEqual(
      expect.arrayContaining([
        { projects: ['infra'], target: 'deploy' },
        { projects: ['image'], target: 'deploy' },
      ]),
    );
    expect(project('docker').targets['deploy']?.configurations).toMatchObject({
      staging: { command: 'node docker/scripts/push.ts --stage=staging' },
      production: { command: 'node docker/scripts/push.ts --stage=production' },
    });
  });

  it('never builds in production: it promotes from the staging repository and deploys by digest', () => {
    const deployStep = step(production, /^npx nx run chart:deploy -c production$/);
    expect(deployStep.env).toEqual({ PROMOTE_FROM: '${{ vars.STAGING_IMAGE_REPOSITORY }}' });
    expect(production.env?.['IMAGE_TAG']).toBe('${{ github.sha }}');
    const text = JSON.stringify(production);
    expect(text).not.toMatch(/setup-buildx|buildx-cache|BUILDX|container-smoke|docker build/);
    // What image:deploy -c production runs, for real (dry run): a copy by digest, no build or push.
    const run = spawnSync(
      process.execPath,
      ['docker/scripts/push.ts', '--stage=production', '--dry-run'],
      {
        cwd: root,
        encoding: 'utf8',
        env: {
          ...process.env,
          IMAGE_TAG: 'a'.repeat(40),
          PROMOTE_FROM: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/tengen-staging',
        },
      },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('promote by digest');
    expect(run.stdout).toContain(
      `skopeo inspect --raw docker://111122223333.dkr.ecr.eu-west-1.amazonaws.com/tengen-staging:tested-${'a'.repeat(40)}`,
    );
    expect(run.stdout).toMatch(
      /skopeo copy --all --preserve-digests '?docker:\/\/\S+tengen-staging@<tested digest>/,
    );
    expect(run.stdout).not.toMatch(/buildah|docker (tag|push)|buildx/);
  });
});

describe('deploy.yml: release tags and the production smoke test', () => {
  it('refuses a release tag that is not on main with the tested script, before install and credentials', () => {
    const check = at(
      production,
      /^node tools\/release\/src\/check-tag-on-main\.ts --tag "\$GITHUB_REF_NAME" --fetch$/,
    );
    expect(existsSync(join(root, 'tools/release/src/check-tag-on-main.ts'))).toBe(true);
    expect(inOrder(at(production, /actions\/setup-node@/), check, at(production, /^npm ci$/))).toBe(
      true,
    );
    expect(check).toBeLessThan(at(production, /configure-aws-credentials@/));
    expect(step(production, /actions\/checkout@/).with).toMatchObject({ 'fetch-depth': 0 });
  });

  it('smoke-tests production through its public URL after the deploy (rollback is in the script)', () => {
    expect(
      inOrder(
        at(production, /chart:deploy -c production/),
        at(
          production,
          /^node charts\/tengen-tetris\/scripts\/smoke\.ts --stage=production --url="\$PUBLIC_URL"$/,
        ),
      ),
    ).toBe(true);
    expect(at(production, /smoke\.ts/)).toBe(production.steps.length - 1);
    expect(production.env?.['PUBLIC_URL']).toBe('https://${{ vars.PRODUCTION_HOST }}');
  });
});

describe('deploy.yml: credentials and concurrency', () => {
  it('grants id-token only to the jobs that assume an AWS role, never at workflow level', () => {
    expect(deploy.permissions).toEqual({ contents: 'read' });
    for (const job of allJobs) {
      const assumesRole = at(job, /aws-actions\/configure-aws-credentials@/) >= 0;
      expect(job.permissions?.['id-token'] === 'write').toBe(assumesRole);
      for (const [scope, level] of Object.entries(job.permissions ?? {})) {
        if (scope !== 'id-token') expect(level, scope).toBe('read');
      }
    }
  });

  it('assumes the deploy role of each stage through OIDC, from repository variables', () => {
    expect(step(staging, /configure-aws-credentials@/).with).toMatchObject({
      'role-to-assume': '${{ vars.AWS_DEPLOY_ROLE_ARN_STAGING }}',
    });
    expect(step(production, /configure-aws-credentials@/).with).toMatchObject({
      'role-to-assume': '${{ vars.AWS_DEPLOY_ROLE_ARN_PRODUCTION }}',
    });
    // The role trust (infra) matches `repo:<repo>:environment:<stage>`: the job must run in that environment.
    expect(environmentName(staging)).toBe('staging');
    expect(environmentName(production)).toBe('production');
  });

  it('never runs two deploys of one stage at once, and never cancels one midway', () => {
    expect(staging.concurrency).toEqual({ group: 'deploy-staging', 'cancel-in-progress': false });
    expect(production.concurrency).toEqual({
      group: 'deploy-production',
      'cancel-in-progress': false,
    });
  });
});
