import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { synthStage } from './synth.ts';

describe('CDK-managed app install', () => {
  const { appTemplate, outdir, config } = synthStage('production', { imageTag: 'deadbeef' });
  const release = Object.values(appTemplate.findResources('Custom::AWSCDK-EKS-HelmChart'))[0] as {
    Properties: Record<string, unknown>;
  };

  it('installs this repository chart from an asset, atomically, into the app namespace', () => {
    expect(release.Properties).toMatchObject({
      Release: config.release,
      Namespace: config.namespace,
      Wait: true,
      Atomic: true,
    });
    expect(JSON.stringify(release.Properties['ChartAssetURL'])).toMatch(/\.zip/);
    expect(release.Properties['Repository']).toBeUndefined();
  });

  it('passes values built from the platform resources and the requested image tag', () => {
    const values = JSON.stringify(release.Properties['Values']);
    expect(values).toContain('Fn::GetStackOutput');
    expect(values).toContain('\\"tag\\":\\"deadbeef\\"');
    expect(values).toContain('\\"scaleOut\\":{\\"enabled\\":true}');
    expect(values).not.toMatch(/fs-[0-9a-f]{8}/);
  });

  it('ships only the chart in the asset (no tests, scripts or project files)', () => {
    const chartAsset = readdirSync(outdir).find((name) =>
      existsSync(join(outdir, name, 'Chart.yaml')),
    );
    expect(chartAsset).toBeDefined();
    const files = readdirSync(join(outdir, chartAsset ?? ''));
    expect(files).toEqual(
      expect.arrayContaining(['Chart.yaml', 'values.yaml', 'values.schema.json', 'templates']),
    );
    for (const unwanted of ['test', 'scripts', 'project.json', 'vitest.config.ts'])
      expect(files).not.toContain(unwanted);
  });

  it('defaults the image tag to the chart appVersion and refuses latest', () => {
    const values = JSON.stringify(
      (
        Object.values(
          synthStage('staging').appTemplate.findResources('Custom::AWSCDK-EKS-HelmChart'),
        )[0] as { Properties: Record<string, unknown> }
      ).Properties['Values'],
    );
    expect(values).toMatch(/\\"tag\\":\\"\d+\.\d+\.\d+\\"/);
    expect(() => synthStage('staging', { imageTag: 'latest' })).toThrow(/immutable/);
  });
});
