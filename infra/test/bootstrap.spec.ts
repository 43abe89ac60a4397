import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import {
  APP_IAM_PREFIX,
  APP_SERVICES,
  EXECUTION_POLICY_NAME,
  ExecutionPolicyStack,
  PERMISSIONS_BOUNDARY_NAME,
} from '../src/bootstrap/execution-policy-stack.ts';
import { STAGES } from '../src/config/stages.ts';
import { cdkContext, synthStage } from './synth.ts';

type Statement = {
  Sid: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
};
type Resource = { Type: string; Properties: Record<string, unknown> };
const list = (value: string | string[]) => (Array.isArray(value) ? value : [value]);

const region = String(cdkContext()['tengen:staging:region']);
const app = new App();
const stack = new ExecutionPolicyStack(app, 'Bootstrap', { region });
const template = Template.fromStack(stack);
const policy = (name: string): Statement[] => {
  const found = Object.values(template.findResources('AWS::IAM::ManagedPolicy')).find(
    (r) => (r as Resource).Properties['ManagedPolicyName'] === name,
  ) as Resource | undefined;
  expect(found, name).toBeDefined();
  return (found!.Properties['PolicyDocument'] as { Statement: Statement[] }).Statement;
};
const execution = policy(EXECUTION_POLICY_NAME);
const boundary = policy(PERMISSIONS_BOUNDARY_NAME);
const allowed = execution.filter((s) => s.Effect === 'Allow');
/** True when some Allow statement of the execution policy names the action (or its service's `*`). */
const allows = (action: string) =>
  allowed.some((s) =>
    list(s.Action).some((a) => a === action || a === `${action.split(':')[0]}:*`),
  );

describe('scoped bootstrap: the CloudFormation execution policy', () => {
  it('is no administrator: no "*" action, no iam:*, every service limited to the app region', () => {
    const actions = allowed.flatMap((s) => list(s.Action));
    expect(actions).not.toContain('*');
    expect(actions.filter((a) => a.startsWith('iam:') && a.includes('*'))).toEqual([]);
    const services = allowed.find((s) => list(s.Action).includes('ec2:*'));
    expect(services?.Condition?.['StringEquals']?.['aws:RequestedRegion']).toBe(region);
    expect(JSON.stringify(allowed)).not.toMatch(/organizations|account:|sts:AssumeRole"/);
  });

  it('creates roles only under the app prefix and only with the boundary', () => {
    const create = allowed.find((s) => list(s.Action).includes('iam:CreateRole'));
    expect(JSON.stringify(create?.Resource)).toContain(`:role/${APP_IAM_PREFIX}*`);
    expect(
      JSON.stringify(create?.Condition?.['StringEquals']?.['iam:PermissionsBoundary']),
    ).toContain(`:policy/${PERMISSIONS_BOUNDARY_NAME}`);
    for (const s of allowed.filter((x) => list(x.Action).some((a) => a.startsWith('iam:')))) {
      const resources = JSON.stringify(s.Resource);
      const scoped =
        resources.includes(APP_IAM_PREFIX) ||
        resources.includes(':oidc-provider/') ||
        s.Condition?.['StringEquals']?.['iam:AWSServiceName'] !== undefined;
      expect(scoped, s.Sid).toBe(true);
    }
  });

  it.each(STAGES)('covers every resource type the %s stacks are made of', (stage) => {
    const synthesized = synthStage(stage);
    const templates = [synthesized.platformTemplate, synthesized.appTemplate];
    if (synthesized.githubOidc) templates.push(Template.fromStack(synthesized.githubOidc));
    const types = new Set(
      templates.flatMap((t) =>
        Object.values(t.toJSON()['Resources'] as Record<string, Resource>).map((r) => r.Type),
      ),
    );
    const missing = [...types].filter((type) => {
      if (type.startsWith('Custom::')) return !allows('lambda:InvokeFunction');
      if (type === 'AWS::IAM::Role') return !allows('iam:CreateRole') || !allows('iam:PassRole');
      if (type === 'AWS::IAM::Policy') return !allows('iam:PutRolePolicy');
      if (type === 'AWS::IAM::ManagedPolicy') return !allows('iam:CreatePolicy');
      if (type === 'AWS::IAM::OIDCProvider') return !allows('iam:CreateOpenIDConnectProvider');
      const service = APP_SERVICES[type.split('::').slice(0, 2).join('::')];
      return !service || !allows(`${service}:Create`);
    });
    expect(missing).toEqual([]);
  });

  it.each(STAGES)('every role of the %s stacks carries the boundary', (stage) => {
    const { platformTemplate, appTemplate } = synthStage(stage);
    const roles = [platformTemplate, appTemplate].flatMap(
      (t) => Object.values(t.findResources('AWS::IAM::Role')) as Resource[],
    );
    expect(roles.length).toBeGreaterThan(5);
    for (const role of roles)
      expect(JSON.stringify(role.Properties['PermissionsBoundary'])).toContain(
        `:policy/${PERMISSIONS_BOUNDARY_NAME}`,
      );
  });
});

describe('scoped bootstrap: the permissions boundary', () => {
  it.each([
    ['the execution policy', execution],
    ['the boundary', boundary],
  ])(
    '%s denies IAM users and keys, roles without the boundary and changes to the guards',
    (_n, statements) => {
      const denied = statements.filter((s) => s.Effect === 'Deny');
      const deniedActions = denied.flatMap((s) => list(s.Action));
      for (const action of [
        'iam:CreateUser',
        'iam:CreateAccessKey',
        'iam:DeleteRolePermissionsBoundary',
      ])
        expect(deniedActions).toContain(action);
      const noBoundary = denied.find((s) => list(s.Action).includes('iam:CreateRole'));
      expect(JSON.stringify(noBoundary?.Condition?.['StringNotEquals'])).toContain(
        PERMISSIONS_BOUNDARY_NAME,
      );
      const guards = denied.find((s) => list(s.Action).includes('iam:CreatePolicyVersion'));
      expect(JSON.stringify(guards?.Resource)).toContain(EXECUTION_POLICY_NAME);
      expect(JSON.stringify(guards?.Resource)).toContain(PERMISSIONS_BOUNDARY_NAME);
    },
  );

  it('leaves no unacknowledged cdk-nag finding', () => {
    const report = new AwsSolutionsChecks().validateScope(stack);
    expect(report.violations.map((v) => v.ruleName)).toEqual([]);
  });
});
