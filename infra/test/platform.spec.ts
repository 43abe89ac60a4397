import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { KUBERNETES_VERSION } from '../src/config/kubernetes.ts';
import { STAGES } from '../src/config/stages.ts';
import { synthStage } from './synth.ts';

type Resource = {
  Type: string;
  Properties?: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
};

describe.each(STAGES)('platform stack (%s)', (stage) => {
  const { platformTemplate: template, config } = synthStage(stage);
  const only = (type: string): Resource => {
    const found = Object.values(template.findResources(type)) as Resource[];
    expect(found, type).toHaveLength(1);
    return found[0] as Resource;
  };

  it('spreads the VPC over three availability zones with public and private subnets', () => {
    const subnets = Object.values(template.findResources('AWS::EC2::Subnet')) as Resource[];
    const zones = new Set(subnets.map((s) => s.Properties?.['AvailabilityZone']));
    expect([...zones].sort()).toEqual(['a', 'b', 'c'].map((z) => `${config.region}${z}`));
    expect(subnets).toHaveLength(6);
    template.resourceCountIs('AWS::EC2::NatGateway', config.natGateways);
    template.resourceCountIs('AWS::EC2::FlowLog', 1);
  });

  it('runs EKS with control plane logs and a managed node group sized for the stage', () => {
    template.hasResourceProperties('AWS::EKS::Cluster', {
      Version: KUBERNETES_VERSION,
      Logging: {
        ClusterLogging: { EnabledTypes: Match.arrayWith([{ Type: 'api' }, { Type: 'audit' }]) },
      },
    });
    template.hasResourceProperties('AWS::EKS::Nodegroup', {
      ScalingConfig: {
        MinSize: config.nodes.min,
        DesiredSize: config.nodes.desired,
        MaxSize: config.nodes.max,
      },
      InstanceTypes: config.nodes.instanceTypes,
      CapacityType: config.nodes.capacity,
      AmiType: 'AL2023_ARM_64_STANDARD',
    });
  });

  it('installs the AWS Load Balancer Controller and the app namespace with readiness gates', () => {
    template.hasResourceProperties('Custom::AWSCDK-EKS-HelmChart', {
      Chart: 'aws-load-balancer-controller',
    });
    const manifests = Object.values(
      template.findResources('Custom::AWSCDK-EKS-KubernetesResource'),
    ).map((r) => JSON.stringify((r as Resource).Properties?.['Manifest']));
    const namespace = manifests.find((m) => m.includes('\\"kind\\":\\"Namespace\\"'));
    expect(namespace).toContain(`\\"name\\":\\"${config.namespace}\\"`);
    expect(namespace).toContain('\\"elbv2.k8s.aws/pod-readiness-gate-inject\\":\\"enabled\\"');
    expect(namespace).toContain('\\"pod-security.kubernetes.io/enforce\\":\\"restricted\\"');
  });

  it('keeps an encrypted, retained EFS file system with an access point for uid/gid 10001', () => {
    const fileSystem = only('AWS::EFS::FileSystem');
    expect(fileSystem.Properties?.['Encrypted']).toBe(true);
    expect(fileSystem.DeletionPolicy).toBe('Retain');
    expect(fileSystem.UpdateReplacePolicy).toBe('Retain');
    template.hasResourceProperties('AWS::EFS::AccessPoint', {
      PosixUser: { Uid: '10001', Gid: '10001' },
      RootDirectory: {
        Path: '/tengen',
        CreationInfo: { OwnerUid: '10001', OwnerGid: '10001', Permissions: '750' },
      },
    });
    template.resourceCountIs('AWS::EFS::MountTarget', 3);
  });

  it('runs Redis encrypted in transit and at rest, reachable only from the cluster', () => {
    const group = only('AWS::ElastiCache::ReplicationGroup').Properties ?? {};
    expect(group).toMatchObject({
      AtRestEncryptionEnabled: true,
      TransitEncryptionEnabled: true,
      Engine: 'redis',
      CacheNodeType: config.redis.nodeType,
    });
    expect(group['ReplicasPerNodeGroup']).toBe(config.redis.replicas);
    expect(group['MultiAZEnabled']).toBe(config.redis.replicas > 0);
    const ingress = (
      Object.values(template.findResources('AWS::EC2::SecurityGroupIngress')) as Resource[]
    ).filter((r) => r.Properties?.['FromPort'] === group['Port']);
    expect(ingress).toHaveLength(1);
    expect(JSON.stringify(ingress[0]?.Properties?.['SourceSecurityGroupId'])).toContain(
      'ClusterSecurityGroupId',
    );
  });

  it('keeps images in an immutable, scanned, retained ECR repository', () => {
    const repository = only('AWS::ECR::Repository');
    expect(repository.Properties).toMatchObject({
      ImageTagMutability: 'IMMUTABLE',
      ImageScanningConfiguration: { ScanOnPush: true },
    });
    expect(repository.DeletionPolicy).toBe('Retain');
  });

  it('lets only this repository deploy, from the GitHub environment of the stage', () => {
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: {
              StringEquals: {
                'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
                'token.actions.githubusercontent.com:sub': `repo:${config.githubRepository}:environment:${stage}`,
              },
            },
          }),
        ],
      },
    });
    template.hasResourceProperties('AWS::EKS::AccessEntry', {
      KubernetesGroups: ['tengen-deployers'],
      AccessPolicies: [
        Match.objectLike({ AccessScope: { Type: 'namespace', Namespaces: [config.namespace] } }),
      ],
    });
  });

  it('exports what chart:deploy needs, with chart values built from the resources', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    for (const key of [
      'ClusterName',
      'Region',
      'Namespace',
      'ReleaseName',
      'ChartValues',
      'EcrRepositoryUri',
      'EfsFileSystemId',
      'RedisUrl',
      'IngressHost',
    ]) {
      expect(outputs, key).toHaveProperty(key);
    }
    const chartValues = JSON.stringify(outputs['ChartValues']?.Value);
    // References to the resources, never pasted ids.
    expect(chartValues).toMatch(/Ref.*StorageFileSystem/);
    expect(chartValues).toMatch(/Ref.*StorageFileSystemGameData/);
    expect(JSON.stringify(outputs['RedisUrl']?.Value)).toMatch(/PrimaryEndPoint\.Address/);
    expect(chartValues).toMatch(/NetworkVpc[0-9A-F]+.{0,6}CidrBlock/);
    expect(chartValues).not.toMatch(/fs-[0-9a-f]{8}/);
    expect(outputs['IngressHost']?.Value).toBe(config.host);
  });
});
