// The chart deployment as data: which values files, which commands, in which order. Pure, so the
// dry run prints exactly what a real run executes and tests can check it without AWS.
import { join, relative } from 'node:path';
import { formatSteps, stacksOf, type PlanStep, type Stage } from '@tengen/delivery';

/** Outputs of the infra stack the chart deploy needs (written by `cdk deploy --outputs-file`). */
export const REQUIRED_OUTPUTS = [
  'ClusterName',
  'Region',
  'Namespace',
  'ReleaseName',
  'ChartValues',
] as const;
/** Outputs used when present: the Redis AUTH token's secret and the URL it belongs to. */
export const OPTIONAL_OUTPUTS = ['RedisUrl', 'RedisAuthSecretArn'] as const;
/** The subset of one stack's outputs the deploy uses. */
export type StackOutputs = Record<(typeof REQUIRED_OUTPUTS)[number], string> &
  Partial<Record<(typeof OPTIONAL_OUTPUTS)[number], string>>;

/**
 * Picks the app stack's outputs from a `cdk deploy --outputs-file` document (keyed by stack name):
 * the one stack that exports ChartValues. Fails naming any missing output.
 */
export function stackOutputsFrom(document: unknown): StackOutputs {
  const found = stacksOf(document).filter(
    ([, outputs]) => typeof outputs['ChartValues'] === 'string',
  );
  if (found.length !== 1)
    throw new Error(`expected one stack with a ChartValues output, found ${found.length}`);
  const [stackName, outputs] = found[0] as [string, Record<string, unknown>];
  const missing = REQUIRED_OUTPUTS.filter(
    (key) => typeof outputs[key] !== 'string' || outputs[key] === '',
  );
  if (missing.length > 0)
    throw new Error(`stack ${stackName} lacks outputs: ${missing.join(', ')}`);
  return Object.fromEntries([
    ...REQUIRED_OUTPUTS.map((key) => [key, String(outputs[key])]),
    ...OPTIONAL_OUTPUTS.filter((key) => typeof outputs[key] === 'string').map((key) => [
      key,
      String(outputs[key]),
    ]),
  ]) as StackOutputs;
}

/** Everything a deploy does, in order. */
export interface DeployPlan {
  stage: Stage;
  release: string;
  namespace: string;
  imageTag: string;
  /** The digest deployed (`image.digest`, which wins over the tag); required in production. */
  imageDigest?: string;
  valuesFiles: string[];
  /** Values taken from the infra stack (ChartValues output), written to the last values file. */
  infraValues: Record<string, unknown>;
  kubeconfig: string;
  steps: PlanStep[];
}

/** Inputs of the plan: stage, stack outputs, image tag and where files go. */
export interface PlanInput {
  stage: Stage;
  outputs: StackOutputs;
  imageTag: string;
  imageDigest?: string;
  chartDir: string;
  workDir: string;
  helm: string;
  cwd: string;
}

/** Builds the deploy plan: kubeconfig for the stack's cluster, then one atomic helm upgrade. */
export function buildPlan(input: PlanInput): DeployPlan {
  const { stage, outputs, imageTag } = input;
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(imageTag) || imageTag === 'latest') {
    throw new Error(`image tag ${imageTag} is not a valid immutable tag`);
  }
  const { imageDigest } = input;
  if (imageDigest !== undefined && !/^sha256:[a-f0-9]{64}$/.test(imageDigest)) {
    throw new Error(`image digest ${imageDigest} is not sha256:<64 hex>`);
  }
  if (stage === 'production' && imageDigest === undefined) {
    throw new Error('production deploys by digest only (the one staging tested): no image digest');
  }
  const rel = (path: string): string => relative(input.cwd, path) || '.';
  const kubeconfig = join(input.workDir, 'kubeconfig');
  const infraValuesFile = join(input.workDir, `infra-values-${stage}.json`);
  const valuesFiles = [join(input.chartDir, 'ci', `${stage}-values.yaml`), infraValuesFile];
  const infraValues = JSON.parse(outputs.ChartValues) as Record<string, unknown>;
  const redisSecret = redisSecretStep(outputs, infraValues, rel(kubeconfig));
  return {
    stage,
    release: outputs.ReleaseName,
    namespace: outputs.Namespace,
    imageTag,
    ...(imageDigest ? { imageDigest } : {}),
    valuesFiles: valuesFiles.map(rel),
    infraValues,
    kubeconfig: rel(kubeconfig),
    steps: [
      {
        description: `kubeconfig for EKS cluster ${outputs.ClusterName}`,
        command: [
          'aws',
          'eks',
          'update-kubeconfig',
          '--name',
          outputs.ClusterName,
          '--region',
          outputs.Region,
          '--kubeconfig',
          rel(kubeconfig),
        ],
      },
      ...(redisSecret ? [redisSecret] : []),
      {
        description: `install or upgrade release ${outputs.ReleaseName}; on failure roll back to the last good release`,
        command: [
          rel(input.helm),
          'upgrade',
          '--install',
          outputs.ReleaseName,
          rel(input.chartDir),
          '--namespace',
          outputs.Namespace,
          ...valuesFiles.flatMap((file) => ['--values', rel(file)]),
          '--set-string',
          `image.tag=${imageTag}`,
          ...(imageDigest ? ['--set-string', `image.digest=${imageDigest}`] : []),
          // Helm 4 spelling of `--atomic --wait`: wait with kstatus, roll back on any failure.
          '--rollback-on-failure',
          '--wait=watcher',
          '--timeout',
          '15m',
          '--kubeconfig',
          rel(kubeconfig),
        ],
      },
      {
        description: 'show the release history (the revision to `helm rollback` to)',
        command: [
          rel(input.helm),
          'history',
          outputs.ReleaseName,
          '--namespace',
          outputs.Namespace,
          '--max',
          '5',
          '--kubeconfig',
          rel(kubeconfig),
        ],
      },
    ],
  };
}

/**
 * When the infra values point REDIS_URL at an existing Secret and the stack exports the AUTH token's
 * secret: copy the token into that Secret before helm runs (scripts/redis-secret.ts).
 */
function redisSecretStep(
  outputs: StackOutputs,
  values: Record<string, unknown>,
  kubeconfig: string,
): PlanStep | undefined {
  const secret = (
    values['redis'] as { external?: { existingSecret?: { name?: string; key?: string } } }
  )?.external?.existingSecret;
  if (!secret?.name || !outputs.RedisAuthSecretArn) return undefined;
  if (!outputs.RedisUrl) throw new Error('stack exports RedisAuthSecretArn without RedisUrl');
  return {
    description: `copy the Redis AUTH token into Secret ${secret.name} (never printed)`,
    command: [
      'node',
      'charts/tengen-tetris/scripts/redis-secret.ts',
      '--secret-arn',
      outputs.RedisAuthSecretArn,
      '--redis-url',
      outputs.RedisUrl,
      '--namespace',
      outputs.Namespace,
      '--name',
      secret.name,
      '--key',
      secret.key ?? 'redis-url',
      '--region',
      outputs.Region,
      '--kubeconfig',
      kubeconfig,
    ],
  };
}

/** Renders the plan as the text the dry run prints. */
export function formatPlan(plan: DeployPlan): string {
  const lines = [
    `chart deploy plan: stage=${plan.stage} release=${plan.release} namespace=${plan.namespace} image.tag=${plan.imageTag}${plan.imageDigest ? ` image.digest=${plan.imageDigest}` : ''}`,
    `values files (later wins): ${plan.valuesFiles.join(', ')}`,
    `infra values (ChartValues output): ${JSON.stringify(plan.infraValues)}`,
    formatSteps(plan.steps),
  ];
  return lines.join('\n');
}
