/**
 * Pushes the built image to the stage's ECR repository (from dist/infra/outputs-<stage>.json,
 * written by infra:deploy), tagged with the git revision; a real run builds the image first. `--dry-run` prints the plan only.
 * Usage: node docker/scripts/push.ts --stage staging|production [--dry-run]
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatSteps, imageTag, outputsFile, parseStage, readOutputs } from '@tengen/delivery';
import { buildImage, defaultTag } from './container.ts';
import { pushPlan, repositoryFrom } from './push-plan.ts';
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
  const builder = hasDockerDaemon() ? 'docker' : 'buildah';
  const steps = pushPlan({ repository, revision, localImage: defaultTag(), builder });
  console.log(`image:deploy ${stage}${dryRun ? ' (dry run)' : ''}: ${steps.length} steps`);
  console.log(formatSteps(steps, '  '));
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
    return;
  }
  buildImage({ tag: defaultTag(), builder });
  for (const step of steps) {
    const input = step.stdinFrom
      ? spawnSync(step.stdinFrom[0]!, step.stdinFrom.slice(1), { encoding: 'utf8' })
      : undefined;
    if (input && input.status !== 0)
      throw new Error(`${step.stdinFrom!.join(' ')} failed: ${input.stderr}`);
    const [command, ...args] = step.command;
    const flags = command === 'buildah' ? buildahFlags : [];
    const result = spawnSync(command!, [...flags, ...args], {
      stdio: [input ? 'pipe' : 'inherit', 'inherit', 'inherit'],
      input: input?.stdout,
    });
    if (result.status !== 0) throw new Error(`${step.description} failed (exit ${result.status})`);
  }
}

try {
  main();
} catch (error) {
  console.error(`image:deploy: ${(error as Error).message}`);
  process.exit(1);
}
