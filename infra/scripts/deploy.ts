// `node infra/scripts/deploy.ts --stage staging [--dry-run]`: deploys the platform stack of a stage
// and writes its outputs to dist/infra/outputs-<stage>.json for chart:deploy. --dry-run synthesizes
// with the CDK CLI (cdk-nag included: synthesis fails on an unacknowledged finding) and prints
// what would be deployed, with no AWS credentials.
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseStage } from '@tengen/delivery';
import {
  deployCommand,
  formatSummary,
  planDir,
  summarizeAssembly,
  synthCommand,
} from './deploy-plan.ts';

const infraDir = resolve(import.meta.dirname, '..');
const env = { ...process.env, CDK_DISABLE_CLI_TELEMETRY: '1' };

function run(command: string[]): void {
  const [file, ...args] = command;
  process.stdout.write(`$ (cd infra && ${command.join(' ')})\n`);
  execFileSync(file ?? '', args, { cwd: infraDir, stdio: 'inherit', env });
}

const { values } = parseArgs({
  options: { stage: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
});
const stage = parseStage(values.stage);
if (values['dry-run']) {
  run(synthCommand(stage));
  process.stdout.write(
    `${formatSummary(stage, summarizeAssembly(join(infraDir, '..', planDir(stage)), stage))}\ndry run: nothing was deployed\n`,
  );
} else {
  run(deployCommand(stage));
}
