// `node charts/tengen-tetris/scripts/smoke.ts --stage production --url https://play.example.org`:
// after chart:deploy, smoke-tests the stage through its public URL (smoke-check.ts). When the smoke
// test fails, the release is rolled back to the revision before it (`helm rollback`, rollback-plan.ts)
// and the script exits 1 either way, so the workflow run fails. Release and namespace come from
// the infra outputs (dist/infra/outputs-<stage>.json), the kubeconfig from chart:deploy
// (dist/deploy/<stage>/kubeconfig). Options: --outputs, --kubeconfig, --wait-seconds (default 180).
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { outputsFile, parseStage, readOutputs } from '@tengen/delivery';
import { stackOutputsFrom } from './deploy-plan.ts';
import { ensureHelm, workspaceRoot } from './helm-binary.ts';
import {
  historyCommand,
  parseHistory,
  rollbackCommand,
  rollbackTarget,
  type ReleaseTarget,
} from './rollback-plan.ts';
import { parsePublicUrl, smokeCheck } from './smoke-check.ts';

function run(command: string[]): { status: number | null; stdout: string; stderr: string } {
  const [file, ...args] = command;
  const result = spawnSync(file ?? '', args, { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** Rolls the release back to the revision before the current one; returns whether helm succeeded. */
function rollBack(target: ReleaseTarget): boolean {
  const history = run(historyCommand(target));
  let revision: number | undefined;
  if (history.status === 0) {
    revision = rollbackTarget(parseHistory(history.stdout));
    if (revision === undefined) {
      console.error('smoke: the release has no earlier revision to roll back to');
      return false;
    }
  } else {
    console.error(
      `smoke: helm history failed (${history.stderr.trim()}); rolling back to the previous revision`,
    );
  }
  const command = rollbackCommand(target, revision);
  console.error(`smoke: rolling back: $ ${command.join(' ')}`);
  const result = run(command);
  process.stderr.write(result.stdout + result.stderr);
  if (result.status !== 0) {
    console.error(`smoke: rollback FAILED (helm exit ${result.status})`);
    return false;
  }
  console.error(`smoke: rolled back to revision ${revision ?? 'previous'}`);
  return true;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      stage: { type: 'string' },
      url: { type: 'string' },
      outputs: { type: 'string' },
      kubeconfig: { type: 'string' },
      'wait-seconds': { type: 'string', default: '180' },
    },
  });
  const stage = parseStage(values.stage);
  const origin = parsePublicUrl(values.url);
  const waitSeconds = Number(values['wait-seconds']);
  if (!Number.isInteger(waitSeconds) || waitSeconds < 0 || waitSeconds > 1800) {
    throw new Error(`--wait-seconds must be a whole number of seconds up to 1800`);
  }
  const file = resolve(values.outputs ?? join(workspaceRoot, outputsFile(stage)));
  const outputs = stackOutputsFrom(readOutputs(file, stage, false));
  const target: ReleaseTarget = {
    helm: ensureHelm(),
    release: outputs.ReleaseName,
    namespace: outputs.Namespace,
    kubeconfig: resolve(
      values.kubeconfig ?? join(workspaceRoot, 'dist', 'deploy', stage, 'kubeconfig'),
    ),
  };
  try {
    const game = await smokeCheck(origin, { waitSeconds });
    console.log(
      `smoke: ok ${origin}: /healthz and /readyz 200, bot game re-simulated (score ${game.score}, lines ${game.lines}, frames ${game.frames})`,
    );
  } catch (error) {
    console.error(`smoke: FAILED on ${origin}: ${(error as Error).message}`);
    rollBack(target);
    process.exit(1);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`smoke: ${(error as Error).message}`);
    process.exit(2);
  },
);
