import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPlan, formatPlan, stackOutputsFrom, type StackOutputs } from './deploy-plan.ts';

const outputs: StackOutputs = {
  ClusterName: 'tengen-staging',
  Region: 'eu-west-1',
  Namespace: 'tengen',
  ReleaseName: 'tengen-tetris',
  ChartValues: JSON.stringify({ persistence: { efs: { fileSystemId: 'fs-0aaaaaaaaaaaaaaaa' } } }),
};

const input = {
  stage: 'staging' as const,
  outputs,
  imageTag: '0123abc',
  chartDir: '/repo/charts/tengen-tetris',
  workDir: '/repo/dist/deploy/staging',
  helm: '/repo/node_modules/.cache/tengen-helm/helm',
  cwd: '/repo',
};

describe('deploy plan with the Redis AUTH secret', () => {
  const withRedis: StackOutputs = {
    ...outputs,
    RedisUrl: 'rediss://master.x.cache.amazonaws.com:6380',
    RedisAuthSecretArn: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:AuthToken-abc',
    ChartValues: JSON.stringify({
      redis: { external: { url: '', existingSecret: { name: 'tengen-redis', key: 'redis-url' } } },
    }),
  };

  it('keeps the optional outputs from the outputs file', () => {
    expect(stackOutputsFrom({ S: { ...withRedis, Other: 'x' } })).toEqual(withRedis);
  });

  it('copies the token into the Secret after the kubeconfig and before helm, passing no token', () => {
    const plan = buildPlan({ ...input, outputs: withRedis });
    expect(plan.steps.map((s) => s.command[1])).toEqual([
      'eks',
      'charts/tengen-tetris/scripts/redis-secret.ts',
      'upgrade',
      'history',
    ]);
    expect(plan.steps[1]?.command).toEqual([
      'node',
      'charts/tengen-tetris/scripts/redis-secret.ts',
      '--secret-arn',
      withRedis.RedisAuthSecretArn,
      '--redis-url',
      withRedis.RedisUrl,
      '--namespace',
      'tengen',
      '--name',
      'tengen-redis',
      '--key',
      'redis-url',
      '--region',
      'eu-west-1',
      '--kubeconfig',
      'dist/deploy/staging/kubeconfig',
    ]);
    // Without a Secret in the values (a plain URL), there is nothing to copy.
    expect(buildPlan(input).steps).toHaveLength(3);
  });
});

describe('deploy plan', () => {
  it('picks the stack that exports ChartValues from a cdk outputs file and names missing outputs', () => {
    const document = { Other: { Foo: 'x' }, 'TengenTetris-staging': { ...outputs, Extra: '1' } };
    expect(stackOutputsFrom(document)).toEqual(outputs);
    expect(() => stackOutputsFrom({ S: { ChartValues: '{}', ClusterName: 'c' } })).toThrow(
      /Region, Namespace, ReleaseName/,
    );
    expect(() => stackOutputsFrom({})).toThrow(/found 0/);
  });

  it('gets credentials for the stack cluster, then runs one atomic helm upgrade with the infra values last', () => {
    const plan = buildPlan(input);
    const [kubeconfig, upgrade, history] = plan.steps.map((s) => s.command);
    expect(kubeconfig).toEqual([
      'aws',
      'eks',
      'update-kubeconfig',
      '--name',
      'tengen-staging',
      '--region',
      'eu-west-1',
      '--kubeconfig',
      'dist/deploy/staging/kubeconfig',
    ]);
    expect(upgrade?.slice(0, 5)).toEqual([
      'node_modules/.cache/tengen-helm/helm',
      'upgrade',
      '--install',
      'tengen-tetris',
      'charts/tengen-tetris',
    ]);
    const args = upgrade?.join(' ') ?? '';
    expect(args).toContain('--namespace tengen');
    expect(args).toContain('--rollback-on-failure --wait=watcher --timeout 15m');
    expect(args).toContain('--set-string image.tag=0123abc');
    expect(args.indexOf('ci/staging-values.yaml')).toBeLessThan(
      args.indexOf('infra-values-staging.json'),
    );
    expect(history?.[1]).toBe('history');
    expect(plan.infraValues).toEqual({
      persistence: { efs: { fileSystemId: 'fs-0aaaaaaaaaaaaaaaa' } },
    });
  });

  it('refuses a mutable or malformed image tag', () => {
    expect(() => buildPlan({ ...input, imageTag: 'latest' })).toThrow(/immutable/);
    expect(() => buildPlan({ ...input, imageTag: 'a b' })).toThrow(/immutable/);
  });

  it('prints every command of the plan, quoting what needs it', () => {
    const text = formatPlan(
      buildPlan({ ...input, outputs: { ...outputs, ClusterName: '<placeholder>' } }),
    );
    expect(text).toMatch(
      /^chart deploy plan: stage=staging release=tengen-tetris namespace=tengen image.tag=0123abc/,
    );
    expect(text).toContain("--name '<placeholder>'");
    expect(text.match(/\n {3}\$ /g)).toHaveLength(3);
  });

  it('dry-runs from the command line with a real outputs file and renders the manifests, touching no cluster', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tengen-deploy-'));
    const file = join(dir, 'outputs.json');
    const chartValues = {
      image: { repository: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/tengen' },
      ingress: { host: 'stage.example.org' },
    };
    writeFileSync(
      file,
      JSON.stringify({
        'TengenTetris-staging': { ...outputs, ChartValues: JSON.stringify(chartValues) },
      }),
    );
    const result = spawnSync(
      process.execPath,
      [
        join(import.meta.dirname, 'deploy.ts'),
        '--stage',
        'staging',
        '--dry-run',
        '--outputs',
        file,
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, IMAGE_TAG: 'feedbeef' },
      },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      'helm upgrade --install tengen-tetris charts/tengen-tetris'.replace('helm ', ''),
    );
    expect(result.stdout).toMatch(
      /hooks, by weight: PersistentVolume\/\S+, PersistentVolumeClaim\/\S+, Job\/tengen-tetris-migrate/,
    );
    expect(result.stdout).toContain('StatefulSet/tengen-tetris');
    expect(result.stdout).toContain('dry run: nothing was applied');
  });
});
