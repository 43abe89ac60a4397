// Test helper: the chart values CDK would pass for a stage, rendered by the chart's own helm
// (`helm template`), as CDK and chart:deploy layer them over the stage's values file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { appChartValues, CHART_DIR } from '../src/app-stack.ts';
import { chartValues, type ChartResourceInputs } from '../src/chart-values.ts';
import { stageConfig, type Stage, type StageConfig } from '../src/config/stages.ts';
import { cdkContext } from './synth.ts';

/** The platform outputs of a SQLite (EFS) stage, as the app stack hands them to `chartValues`. */
export const efsChartInputs = {
  repositoryUri: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/tengen-staging',
  fileSystemId: 'fs-0abc0abc0abc0abc0',
  accessPointId: 'fsap-0def0def0def0def0',
  redisUrl: 'rediss://master.tengen.xyz.euw1.cache.amazonaws.com:6380',
  host: 'staging.example.org',
  certificateArn: '',
  vpcCidr: '10.0.0.0/16',
} satisfies ChartResourceInputs;

/** A rendered Kubernetes object, as much of it as the specs read. */
export type K8s = { kind: string; metadata: { name: string }; spec?: Record<string, unknown> };

/** What `helm template` gave for a stage: its stderr, the objects and their JSON text. */
export interface RenderedChart {
  config: StageConfig;
  stderr: string;
  objects: K8s[];
  text: string;
}

/** Renders the chart for `stage` with the values `chartValues(inputs)` gives, image tag `abc1234`. */
export function renderStageChart(stage: Stage, inputs: ChartResourceInputs): RenderedChart {
  const config = stageConfig((key) => ({ ...cdkContext(), stage })[key]);
  const values = appChartValues(config, chartValues(inputs), 'abc1234');
  const file = join(mkdtempSync(join(tmpdir(), 'tengen-values-')), 'values.json');
  writeFileSync(file, JSON.stringify(values));
  const args = ['template', config.release, CHART_DIR, '--namespace', config.namespace];
  const result = spawnSync(
    process.execPath,
    [resolve(CHART_DIR, 'scripts', 'helm.ts'), ...args, '--values', file],
    { encoding: 'utf8' },
  );
  const objects = parseAllDocuments(result.stdout).map((d) => d.toJSON() as K8s);
  return { config, stderr: result.stderr, objects, text: JSON.stringify(objects) };
}
