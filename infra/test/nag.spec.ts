import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { STAGES } from '../src/config/stages.ts';
import { synthStage } from './synth.ts';

type Violating = { constructPath?: string; resourceLogicalId?: string };
const findings = (report: ReturnType<AwsSolutionsChecks['validateScope']>) =>
  report.violations.flatMap((v) =>
    (v.violatingResources as Violating[]).map(
      (r) => `${v.ruleName} @ ${r.constructPath ?? r.resourceLogicalId}`,
    ),
  );

describe('cdk-nag AwsSolutions', () => {
  it.each(STAGES)('leaves no unacknowledged finding in the %s app', (stage) => {
    const { app } = synthStage(stage);
    expect(findings(new AwsSolutionsChecks().validateScope(app))).toEqual([]);
  });

  it('does report findings (control: an unencrypted file system in a bare stack)', () => {
    const stack = new Stack(new App(), 'Control');
    new efs.FileSystem(stack, 'Plain', { vpc: new ec2.Vpc(stack, 'Vpc'), encrypted: false });
    expect(
      findings(new AwsSolutionsChecks().validateScope(stack)).some((f) =>
        f.startsWith('AwsSolutions-EFS1'),
      ),
    ).toBe(true);
  });
});
