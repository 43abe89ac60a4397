import { describe, expect, it } from 'vitest';
import { STAGES } from '../src/config/stages.ts';
import { synthStage } from './synth.ts';

type Statement = {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: unknown;
  Action: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
};
type Resource = { Properties: Record<string, unknown> };
const actions = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

describe.each(STAGES)('EFS access is least privilege (%s)', (stage) => {
  const { platformTemplate: template } = synthStage(stage);
  const resources = (type: string) =>
    Object.entries(template.findResources(type)) as [string, Resource][];
  const roleId = (description: RegExp) => {
    const found = resources('AWS::IAM::Role').filter(([, r]) =>
      description.test(String(r.Properties['Description'])),
    );
    expect(found).toHaveLength(1);
    return found[0]?.[0] ?? '';
  };
  const controllerRole = roleId(/^EFS CSI controller/);
  const mountRole = roleId(/^EFS CSI node plugin/);
  const [, fileSystem] = resources('AWS::EFS::FileSystem')[0] as [string, Resource];
  const policy = (fileSystem.Properties['FileSystemPolicy'] as { Statement: Statement[] })
    .Statement;

  it('associates only the controller with the add-on, and the node plugin apart from it', () => {
    const [, addon] = resources('AWS::EKS::Addon').find(
      ([, a]) => a.Properties['AddonName'] === 'aws-efs-csi-driver',
    ) as [string, Resource];
    expect(addon.Properties['PodIdentityAssociations']).toEqual([
      {
        ServiceAccount: 'efs-csi-controller-sa',
        RoleArn: { 'Fn::GetAtt': [controllerRole, 'Arn'] },
      },
    ]);
    // The EFS CSI driver's own (Karpenter's controller has one too, in kube-system).
    const associations = resources('AWS::EKS::PodIdentityAssociation')
      .map(([, a]) => a.Properties)
      .filter((a) => String(a['ServiceAccount']).startsWith('efs-csi'));
    expect(associations).toEqual([
      expect.objectContaining({
        Namespace: 'kube-system',
        ServiceAccount: 'efs-csi-node-sa',
        RoleArn: { 'Fn::GetAtt': [mountRole, 'Arn'] },
      }),
    ]);
  });

  it('gives the controller role no permission and no identity policy any EFS client action', () => {
    const [, controller] = resources('AWS::IAM::Role').find(([id]) => id === controllerRole) as [
      string,
      Resource,
    ];
    expect(controller.Properties['ManagedPolicyArns']).toBeUndefined();
    expect(controller.Properties['Policies']).toBeUndefined();
    // EFS is granted by the file-system policy alone: no identity policy (the node role's
    // included) names an EFS action.
    for (const [id, identityPolicy] of resources('AWS::IAM::Policy')) {
      expect(JSON.stringify(identityPolicy.Properties['PolicyDocument']), id).not.toMatch(
        /elasticfilesystem/,
      );
      expect(JSON.stringify(identityPolicy.Properties['Roles']), id).not.toContain(controllerRole);
    }
    for (const [id, role] of resources('AWS::IAM::Role'))
      expect(JSON.stringify(role.Properties['ManagedPolicyArns'] ?? []), id).not.toMatch(/EFS/);
  });

  it('refuses every client without TLS and every mount outside the access point', () => {
    const denies = policy.filter((s) => s.Effect === 'Deny');
    expect(denies).toHaveLength(2);
    for (const deny of denies) {
      expect(deny.Principal).toEqual({ AWS: '*' });
      expect(actions(deny).sort()).toEqual([
        'elasticfilesystem:ClientMount',
        'elasticfilesystem:ClientRootAccess',
        'elasticfilesystem:ClientWrite',
      ]);
    }
    expect(denies.map((d) => d.Condition)).toEqual(
      expect.arrayContaining([
        { Bool: { 'aws:SecureTransport': 'false' } },
        { Null: { 'elasticfilesystem:AccessPointArn': 'true' } },
      ]),
    );
  });

  it('allows mount and write (never root) to the node plugin role only, over TLS, through the access point', () => {
    const allows = policy.filter((s) => s.Effect === 'Allow');
    expect(allows).toHaveLength(1);
    const allow = allows[0] as Statement;
    expect(allow.Principal).toEqual({ AWS: { 'Fn::GetAtt': [mountRole, 'Arn'] } });
    expect(actions(allow).sort()).toEqual([
      'elasticfilesystem:ClientMount',
      'elasticfilesystem:ClientWrite',
    ]);
    expect(allow.Condition).toEqual({
      Bool: { 'elasticfilesystem:AccessedViaMountTarget': 'true', 'aws:SecureTransport': 'true' },
      ArnLike: {
        'elasticfilesystem:AccessPointArn': {
          'Fn::Join': [
            '',
            [
              'arn:aws:elasticfilesystem:eu-west-1:',
              { Ref: 'AWS::AccountId' },
              ':access-point/fsap-*',
            ],
          ],
        },
      },
    });
    expect(JSON.stringify(policy)).not.toMatch(/"Allow"[^}]*"AWS":"\*"/);
  });
});
