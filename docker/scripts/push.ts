/**
 * image:deploy. Staging: builds the image once, pushes it to the stage's ECR repository (from
 * dist/infra/outputs-<stage>.json, written by infra:deploy) tagged with the git revision, and records
 * the digest the registry serves in dist/image/image-staging.json (chart:deploy deploys that digest).
 * Production: never builds; copies the digest staging tested for the revision (its
 * `tested-<revision>` tag in PROMOTE_FROM, the staging repository) into the production repository
 * and records it (promote-plan.ts). `--dry-run` prints the plan only.
 * Usage: node docker/scripts/push.ts --stage staging|production [--dry-run]
 */
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import {
  formatSteps,
  imageTag,
  outputsFile,
  parseStage,
  readOutputs,
  type PlanStep,
} from '@tengen/delivery';
import { buildImage, defaultTag } from './container.ts';
import {
  ecrRepository,
  imageRecordPath,
  inspectCommand,
  loginSteps,
  promotionPlan,
} from './promote-plan.ts';
import { pushPlan, repositoryFrom } from './push-plan.ts';
import { manifestDigest, promote, runSteps, writeImageRecord } from './registry.ts';
import { buildahFlags, hasDockerDaemon, repoRoot } from './tools.ts';

const DRY_RUN_REPOSITORY = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/tengen-tetris';

function main(): void {
  const { values } = parseArgs({
    options: { stage: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  });
  const stage = parseStage(values.stage);
  const dryRun = values['dry-run'] ?? false;
  const outputsPath = join(repoRoot, outputsFile(stage));
  const document = readOutputs(outputsPath, stage, dryRun);
  let repository = DRY_RUN_REPOSITORY;
  if (document !== null) repository = repositoryFrom(document);
  else console.log(`image:deploy: no ${outputsPath} yet: the plan shows a placeholder repository`);

  // The workflow passes IMAGE_TAG=github.sha; locally the checkout's revision is the tag.
  const revision = imageTag(repoRoot, dryRun);
  const recordPath = imageRecordPath(repoRoot, stage);
  if (stage === 'production') {
    // Production deploys what staging tested: the digest is copied, never rebuilt.
    const source = dryRun
      ? process.env['PROMOTE_FROM'] ||
        DRY_RUN_REPOSITORY.replace(/tengen-tetris$/, 'tengen-staging')
      : ecrRepository(process.env['PROMOTE_FROM'], 'PROMOTE_FROM (the staging repository)');
    const plan = promotionPlan({ source, target: repository, revision });
    print(`image:deploy ${stage}: promote by digest`, plan, dryRun);
    if (dryRun) return;
    runSteps(loginSteps([source, repository]));
    const digest = promote({ source, target: repository, revision });
    writeImageRecord(recordPath, { stage, repository, revision, digest });
    console.log(`image:deploy: ${repository}:${revision} is the tested ${digest}`);
    return;
  }
  const builder = hasDockerDaemon() ? 'docker' : 'buildah';
  const steps = pushPlan({ repository, revision, localImage: defaultTag(), builder });
  const record: PlanStep[] = [
    ...loginSteps([repository]),
    {
      description: `record the digest of ${repository}:${revision} in ${relative(repoRoot, recordPath)}`,
      command: inspectCommand(`${repository}:${revision}`),
    },
  ];
  print(`image:deploy ${stage}`, [...steps, ...record], dryRun);
  if (dryRun) return;
  // ECR tags are immutable: a re-run for a revision that is already there has nothing to do.
  const [name] = repository.split('/').slice(1).join('/').split(':');
  const region = repository.split('.')[3]!;
  const exists = spawnSync(
    'aws',
    [
      'ecr',
      'describe-images',
      '--region',
      region,
      '--repository-name',
      name!,
      '--image-ids',
      `imageTag=${revision}`,
    ],
    { stdio: 'ignore' },
  );
  if (exists.status === 0) {
    console.log(`image:deploy: ${repository}:${revision} is already in the registry`);
  } else {
    buildImage({ tag: defaultTag(), builder });
    runSteps(steps, (command) => (command === 'buildah' ? buildahFlags : []));
  }
  // The digest the registry serves for the tag is the one chart:deploy deploys and staging tests.
  runSteps(record.slice(0, -1));
  const digest = manifestDigest(`${repository}:${revision}`);
  if (!digest) throw new Error(`${repository}:${revision} is not in the registry after the push`);
  writeImageRecord(recordPath, { stage, repository, revision, digest });
  console.log(`image:deploy: pushed ${repository}:${revision} = ${digest} (${recordPath})`);
}

function print(title: string, steps: PlanStep[], dryRun: boolean): void {
  console.log(`${title}${dryRun ? ' (dry run)' : ''}: ${steps.length} steps`);
  console.log(formatSteps(steps, '  '));
}

try {
  main();
} catch (error) {
  console.error(`image:deploy: ${(error as Error).message}`);
  process.exit(1);
}
