// `node charts/tengen-tetris/scripts/deploy.ts --stage staging [--dry-run]`: deploys the chart with
// the values the infra stack exported (dist/infra/outputs-<stage>.json, written by infra:deploy) and
// the image image:deploy pushed or promoted: tag IMAGE_TAG (default: the commit sha) and the digest
// in dist/image/image-<stage>.json (required, except in a dry run). --dry-run prints the
// plan and renders the manifests with the real helm, without AWS or a cluster. --outputs <file>
// reads another outputs file, --image-record <file> another image record.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { imageTag, outputsFile, parseStage, readOutputs, type Stage } from '@tengen/delivery';
import { parseAllDocuments } from 'yaml';
import {
  buildPlan,
  formatPlan,
  stackOutputsFrom,
  type DeployPlan,
  type StackOutputs,
} from './deploy-plan.ts';
import { chartDir, ensureHelm, workspaceRoot } from './helm-binary.ts';
import { imageRecordFile, readImageDigest } from './image-record.ts';

/** Stand-in outputs for a dry run before the infra stack was ever deployed. */
export function placeholderOutputs(stage: Stage): StackOutputs {
  return {
    ClusterName: `<ClusterName of TengenTetris-${stage}>`,
    Region: '<Region>',
    Namespace: 'tengen',
    ReleaseName: 'tengen-tetris',
    ChartValues: '{}',
    RedisUrl: '<RedisUrl>',
    RedisAuthSecretArn: '<RedisAuthSecretArn>',
  };
}

/** Renders the plan's manifests with `helm template` and lists them, hooks first. */
export function renderSummary(plan: DeployPlan, helm: string): string {
  const args = [
    'template',
    plan.release,
    chartDir,
    '--namespace',
    plan.namespace,
    '--set-string',
    `image.tag=${plan.imageTag}`,
    ...(plan.imageDigest ? ['--set-string', `image.digest=${plan.imageDigest}`] : []),
  ];
  for (const file of plan.valuesFiles) args.push('--values', resolve(workspaceRoot, file));
  const manifest = execFileSync(helm, args, { cwd: workspaceRoot, encoding: 'utf8' });
  const objects = parseAllDocuments(manifest)
    .map(
      (doc) =>
        doc.toJSON() as {
          kind?: string;
          metadata?: { name?: string; annotations?: Record<string, string> };
          spec?: { template?: { spec?: { containers?: { image?: string }[] } } };
        } | null,
    )
    .filter((o): o is NonNullable<typeof o> => Boolean(o?.kind));
  const line = (o: (typeof objects)[number]): string => `${o.kind}/${o.metadata?.name ?? '?'}`;
  const weight = (o: (typeof objects)[number]): number =>
    Number(o.metadata?.annotations?.['helm.sh/hook-weight'] ?? 0);
  const hooks = objects
    .filter((o) => o.metadata?.annotations?.['helm.sh/hook'])
    .sort((a, b) => weight(a) - weight(b));
  const rest = objects.filter((o) => !o.metadata?.annotations?.['helm.sh/hook']);
  const images = new Set(
    objects.flatMap((o) => (o.spec?.template?.spec?.containers ?? []).map((c) => c.image ?? '?')),
  );
  return [
    `helm template: ${objects.length} objects`,
    `  pre-install/pre-upgrade hooks, by weight: ${hooks.map(line).join(', ')}`,
    `  release objects: ${rest.map(line).join(', ')}`,
    `  images: ${[...images].join(', ')}`,
  ].join('\n');
}

function main(): void {
  const { values } = parseArgs({
    options: {
      stage: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      outputs: { type: 'string' },
      'image-record': { type: 'string' },
    },
  });
  const stage = parseStage(values.stage);
  const dryRun = values['dry-run'] === true;
  const file = resolve(values.outputs ?? join(workspaceRoot, outputsFile(stage)));
  const document = readOutputs(file, stage, dryRun);
  let outputs: StackOutputs;
  if (document !== null) {
    outputs = stackOutputsFrom(document);
  } else {
    process.stdout.write(`note: ${file} not found (infra:deploy writes it); using placeholders\n`);
    outputs = placeholderOutputs(stage);
  }
  const tag = imageTag(workspaceRoot, dryRun);
  // image:deploy's record: the digest it pushed (staging) or promoted (production). A real deploy
  // always goes by digest; a dry run without a record shows the tag only.
  const recordFile = resolve(values['image-record'] ?? imageRecordFile(workspaceRoot, stage));
  const imageDigest = readImageDigest(recordFile, stage, tag);
  if (!imageDigest && !dryRun) {
    throw new Error(`${recordFile} not found: run image:deploy for ${stage} first`);
  }
  const helm = ensureHelm();
  const workDir = join(workspaceRoot, 'dist', 'deploy', stage);
  const plan = buildPlan({
    stage,
    outputs,
    imageTag: tag,
    imageDigest,
    chartDir,
    workDir,
    helm,
    cwd: workspaceRoot,
  });
  process.stdout.write(`${formatPlan(plan)}\n`);
  mkdirSync(workDir, { recursive: true });
  writeFileSync(
    resolve(workspaceRoot, plan.valuesFiles.at(-1) ?? ''),
    `${JSON.stringify(plan.infraValues, null, 2)}\n`,
  );
  if (dryRun) {
    process.stdout.write(`${renderSummary(plan, helm)}\ndry run: nothing was applied\n`);
    return;
  }
  for (const step of plan.steps) {
    process.stdout.write(`==> ${step.description}\n`);
    const [command, ...args] = step.command;
    execFileSync(command ?? '', args, { cwd: workspaceRoot, stdio: 'inherit' });
  }
}

if (import.meta.main) main();
