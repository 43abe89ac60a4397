// The infra deployment as data: the exact CDK CLI commands of a stage, and a readable summary of a
// synthesized cloud assembly (what `cdk deploy` would create), for the dry run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { outputsFile, type Stage } from '@tengen/delivery';
import { platformStackName } from '../src/config/stages.ts';
import { GITHUB_OIDC_STACK_NAME } from '../src/github-oidc-stack.ts';

/** Common CDK CLI flags: no network calls for notices. */
const QUIET = ['--no-notices'];

/** Where the dry run synthesizes (apart from the synth target's dist/infra/cdk.out). */
export const planDir = (stage: Stage): string => join('dist', 'infra', `plan-${stage}`);

/** `cdk synth` of a stage into the plan directory, run in infra/. */
export function synthCommand(stage: Stage): string[] {
  return [
    'npx',
    'cdk',
    'synth',
    '-c',
    `stage=${stage}`,
    '--quiet',
    '--output',
    join('..', planDir(stage)),
    ...QUIET,
  ];
}

/**
 * `cdk deploy` of the platform stack only, run in infra/. The app stack is the CDK-managed
 * alternative to chart:deploy and is never deployed by the pipeline.
 */
export function deployCommand(stage: Stage): string[] {
  return [
    'npx',
    'cdk',
    'deploy',
    platformStackName(stage),
    '-c',
    `stage=${stage}`,
    '--require-approval',
    'never',
    '--outputs-file',
    join('..', outputsFile(stage)),
    ...QUIET,
  ];
}

/** One stack of a synthesized assembly. */
export interface StackSummary {
  name: string;
  deployed: boolean;
  resources: Record<string, number>;
  outputs: string[];
}

interface Manifest {
  artifacts: Record<string, { type: string; properties?: { templateFile?: string } }>;
}

interface Template {
  Resources?: Record<string, { Type: string }>;
  Outputs?: Record<string, unknown>;
}

/** Reads the stacks of the assembly in `dir`: resource counts by type and output names. */
export function summarizeAssembly(dir: string, stage: Stage): StackSummary[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  return Object.entries(manifest.artifacts)
    .filter(
      ([, artifact]) =>
        artifact.type === 'aws:cloudformation:stack' && artifact.properties?.templateFile,
    )
    .map(([name, artifact]) => {
      const template = JSON.parse(
        readFileSync(join(dir, artifact.properties?.templateFile ?? ''), 'utf8'),
      ) as Template;
      const resources: Record<string, number> = {};
      for (const resource of Object.values(template.Resources ?? {}))
        resources[resource.Type] = (resources[resource.Type] ?? 0) + 1;
      const outputs = Object.keys(template.Outputs ?? {}).filter(
        (key) => !key.startsWith('PublishOutput') && !key.startsWith('ExportsOutput'),
      );
      // `cdk deploy <platform>` also deploys the stacks it depends on: the account's OIDC provider.
      const deployed = name === platformStackName(stage) || name === GITHUB_OIDC_STACK_NAME;
      return { name, deployed, resources, outputs };
    });
}

function stackNote(stack: StackSummary): string {
  if (stack.name === GITHUB_OIDC_STACK_NAME)
    return ' (account-level GitHub OIDC provider, deployed first; unchanged after the first deploy)';
  return stack.deployed ? '' : ' (CDK-managed app install; not part of the pipeline)';
}

/** Renders the dry-run report. */
export function formatSummary(stage: Stage, stacks: StackSummary[]): string {
  const lines = [`infra deploy plan: stage=${stage}`];
  for (const stack of stacks) {
    const total = Object.values(stack.resources).reduce((a, b) => a + b, 0);
    lines.push(
      `${stack.deployed ? 'DEPLOY' : 'skip  '} ${stack.name}: ${total} resources${stackNote(stack)}`,
    );
    for (const [type, count] of Object.entries(stack.resources).sort(([a], [b]) =>
      a.localeCompare(b),
    ))
      lines.push(`         ${String(count).padStart(3)} ${type}`);
    if (stack.outputs.length > 0) lines.push(`         outputs: ${stack.outputs.join(', ')}`);
  }
  lines.push(`then (in infra/): $ ${deployCommand(stage).join(' ')}`);
  return lines.join('\n');
}
