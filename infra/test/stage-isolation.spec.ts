import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { STAGES } from '../src/config/stages.ts';
import { GITHUB_OIDC_STACK_NAME } from '../src/github-oidc-stack.ts';
import { cdkContext, synthStage } from './synth.ts';

type Resource = { Properties: Record<string, unknown> };
const providerArn = {
  'Fn::Join': [
    '',
    [
      'arn:aws:iam::',
      { Ref: 'AWS::AccountId' },
      ':oidc-provider/token.actions.githubusercontent.com',
    ],
  ],
};

describe('the GitHub OIDC provider belongs to the account, not to a stage', () => {
  const staging = synthStage('staging');
  const production = synthStage('production');

  it('lives in its own stack, which both stages synthesize identically', () => {
    for (const built of [staging, production]) {
      expect(built.githubOidc?.stackName).toBe(GITHUB_OIDC_STACK_NAME);
      // The platform's only provider is the cluster's own (IRSA), never GitHub's.
      expect(
        JSON.stringify(built.platformTemplate.findResources('AWS::IAM::OIDCProvider')),
      ).not.toContain('token.actions.githubusercontent.com');
      expect(built.platform.dependencies).toContain(built.githubOidc);
    }
    const template = (built: typeof staging) =>
      JSON.stringify(built.app.synth().getStackByName(GITHUB_OIDC_STACK_NAME).template);
    expect(template(staging)).toBe(template(production));
    expect(template(staging)).toContain('https://token.actions.githubusercontent.com');
  });

  it.each(STAGES)('is trusted by the %s deploy role through its fixed ARN', (stage) => {
    synthStage(stage).platformTemplate.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Action: 'sts:AssumeRoleWithWebIdentity',
            Principal: { Federated: providerArn },
          }),
        ],
      },
    });
  });

  it('is looked up, never created, when it exists outside this app', () => {
    const arn = 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com';
    const built = synthStage('staging', { 'tengen:githubOidcProviderArn': arn });
    expect(built.githubOidc).toBeUndefined();
    expect(built.app.node.tryFindChild(GITHUB_OIDC_STACK_NAME)).toBeUndefined();
    built.platformTemplate.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({ Principal: { Federated: arn } })],
      },
    });
  });
});

describe.each(STAGES)('stage hardening (%s)', (stage) => {
  const { platformTemplate: template } = synthStage(stage);
  const cluster = Object.values(template.findResources('AWS::EKS::Cluster'))[0] as Resource;

  it('lets the deploy role assume only the three CDK bootstrap roles a deploy uses, by name', () => {
    const policies = Object.values(template.findResources('AWS::IAM::Policy')) as Resource[];
    const assumes = policies.flatMap((p) =>
      (
        p.Properties['PolicyDocument'] as { Statement: { Action: unknown; Resource: unknown }[] }
      ).Statement.filter((s) => s.Action === 'sts:AssumeRole'),
    );
    expect(assumes).toHaveLength(1);
    const resources = JSON.stringify(assumes[0]?.Resource);
    for (const role of ['deploy', 'file-publishing', 'image-publishing'])
      expect(resources).toContain(`:role/cdk-hnb659fds-${role}-role-`);
    expect(resources).not.toContain('lookup');
    expect(resources).not.toContain('*');
  });

  it('keeps the API endpoint private, and public only from the listed CIDRs', () => {
    const vpcConfig = cluster.Properties['ResourcesVpcConfig'] as Record<string, unknown>;
    expect(vpcConfig['EndpointPrivateAccess']).toBe(true);
    expect(vpcConfig['PublicAccessCidrs']).toEqual(cdkContext()[`tengen:${stage}:apiAllowedCidrs`]);
    expect(JSON.stringify(vpcConfig)).not.toContain('0.0.0.0/0');
  });

  it('encrypts Kubernetes Secrets with a customer-managed, rotated KMS key', () => {
    const [keyId, key] = Object.entries(template.findResources('AWS::KMS::Key'))[0] as [
      string,
      Resource,
    ];
    expect(key.Properties['EnableKeyRotation']).toBe(true);
    expect(cluster.Properties['EncryptionConfig']).toEqual([
      { Provider: { KeyArn: { 'Fn::GetAtt': [keyId, 'Arn'] } }, Resources: ['secrets'] },
    ]);
  });

  it('launches nodes with IMDSv2 required, a hop limit of 1 and an encrypted root volume', () => {
    const [templateId, launchTemplate] = Object.entries(
      template.findResources('AWS::EC2::LaunchTemplate'),
    )[0] as [string, Resource];
    expect(launchTemplate.Properties['LaunchTemplateData']).toMatchObject({
      MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 1 },
      BlockDeviceMappings: [{ Ebs: { Encrypted: true, VolumeType: 'gp3' } }],
    });
    template.hasResourceProperties('AWS::EKS::Nodegroup', {
      LaunchTemplate: { Id: { Ref: templateId } },
    });
  });

  it('strips the rules of the VPC default security group', () => {
    template.resourceCountIs('Custom::VpcRestrictDefaultSG', 1);
  });
});

describe.each(STAGES)('Redis AUTH and network policy enforcement (%s)', (stage) => {
  const { platformTemplate: template } = synthStage(stage);

  it('requires an AUTH token generated in Secrets Manager, never written in the template', () => {
    const [secretId] = Object.entries(template.findResources('AWS::SecretsManager::Secret'))[0] as [
      string,
      Resource,
    ];
    const group = Object.values(
      template.findResources('AWS::ElastiCache::ReplicationGroup'),
    )[0] as Resource;
    expect(group.Properties['TransitEncryptionEnabled']).toBe(true);
    expect(group.Properties['AuthToken']).toEqual({
      'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: secretId }, ':SecretString:::}}']],
    });
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(outputs['RedisAuthSecretArn']?.Value).toEqual({ Ref: secretId });
    // The deploy role may read that secret (chart:deploy copies it into the cluster), and no other.
    const reads = (Object.values(template.findResources('AWS::IAM::Policy')) as Resource[]).flatMap(
      (p) =>
        (
          p.Properties['PolicyDocument'] as { Statement: { Action: unknown; Resource: unknown }[] }
        ).Statement.filter((s) =>
          JSON.stringify(s.Action).includes('secretsmanager:GetSecretValue'),
        ),
    );
    expect(reads.map((s) => s.Resource)).toEqual([{ Ref: secretId }]);
  });

  it('turns on VPC CNI network policy enforcement', () => {
    template.hasResourceProperties('AWS::EKS::Addon', {
      AddonName: 'vpc-cni',
      ConfigurationValues: '{"enableNetworkPolicy":"true"}',
    });
  });
});
