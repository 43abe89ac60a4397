// Optional CDK-managed install of the app: the chart of this repository as an S3 asset, installed
// by the cluster's kubectl handler with values made from the platform's resources. The pipeline
// does not deploy this stack (chart:deploy owns the release there, because the image is only pushed
// after the platform exists); it serves accounts managed by CDK alone, e.g. a sandbox. Use one
// owner per environment: both install the same release name.
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { Construct } from 'constructs';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { chartValues, mergeValues } from './chart-values.ts';
import type { StageConfig } from './config/stages.ts';
import type { PlatformStack } from './platform-stack.ts';

/** The chart directory, packaged as the asset. */
export const CHART_DIR = resolve(import.meta.dirname, '../../charts/tengen-tetris');

/** Files of the chart directory that are not part of the chart (same as its .helmignore). */
export const CHART_ASSET_EXCLUDE = [
  'test',
  'scripts',
  '*.ts',
  'project.json',
  'tsconfig.json',
  'eslint.config.mjs',
  'node_modules',
];

/** Props of the app stack. */
export interface AppStackProps extends StackProps {
  config: StageConfig;
  platform: PlatformStack;
  /** Immutable image tag to run (the git sha pushed by image:deploy). */
  imageTag: string;
}

/** Values CDK passes to the chart: the stage's values file, then the resource values, then the tag. */
export function appChartValues(
  config: StageConfig,
  resourceValues: Record<string, unknown>,
  imageTag: string,
): Record<string, unknown> {
  const stageValues = parse(
    readFileSync(join(CHART_DIR, 'ci', `${config.stage}-values.yaml`), 'utf8'),
  ) as Record<string, unknown>;
  return mergeValues(mergeValues(stageValues, resourceValues), { image: { tag: imageTag } });
}

/** The app release, installed through CDK. */
export class AppStack extends Stack {
  readonly chart: eks.HelmChart;

  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id, props);
    const { config, platform } = props;
    const chartAsset = new Asset(this, 'ChartAsset', {
      path: CHART_DIR,
      exclude: CHART_ASSET_EXCLUDE,
    });
    this.chart = new eks.HelmChart(this, 'Release', {
      cluster: platform.gameCluster.cluster,
      chartAsset,
      release: config.release,
      namespace: config.namespace,
      createNamespace: false,
      values: appChartValues(config, chartValues(platform.chartInputs), props.imageTag),
      wait: true,
      atomic: true,
      timeout: Duration.minutes(14),
    });
  }
}
