import { describe, expect, it } from 'vitest';
import { KARPENTER_VERSION } from '../src/config/karpenter.ts';
import { GRAVITON_FAMILIES, isGravitonNonBurstable, STAGES } from '../src/config/stages.ts';
import { synthStage } from './synth.ts';

type Resource = { Type: string; Properties: Record<string, unknown> };
type Statement = {
  Sid?: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
};
const list = (value: string | string[]) => (Array.isArray(value) ? value : [value]);

describe.each(STAGES)('nodes that fit the load (%s)', (stage) => {
  const { platformTemplate: template, config } = synthStage(stage);
  const all = (type: string) => Object.values(template.findResources(type)) as Resource[];
  const only = (type: string): Resource => {
    const found = all(type);
    expect(found, type).toHaveLength(1);
    return found[0]!;
  };
  /** A manifest's JSON text (tokens appear as Fn::Join parts). */
  const manifest = (kind: string): string => {
    const found = all('Custom::AWSCDK-EKS-KubernetesResource')
      .map((r) => JSON.stringify(r.Properties['Manifest']))
      .filter((m) => m.includes(`\\"kind\\":\\"${kind}\\",\\"metadata\\"`));
    expect(found, kind).toHaveLength(1);
    return found[0]!;
  };
  const policyOf = (roleLogicalIdPrefix: string): Statement[] =>
    Object.entries(template.findResources('AWS::IAM::Policy'))
      .filter(([id]) => id.startsWith(roleLogicalIdPrefix))
      .flatMap(
        ([, r]) =>
          (r as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties
            .PolicyDocument.Statement,
      );

  it('runs the managed node group on Graviton with the arm64 AMI, never burstable', () => {
    const group = only('AWS::EKS::Nodegroup').Properties;
    expect(group['AmiType']).toBe('AL2023_ARM_64_STANDARD');
    const types = group['InstanceTypes'] as string[];
    expect(types).toEqual(config.nodes.instanceTypes);
    expect(types.every(isGravitonNonBurstable)).toBe(true);
    // One size, so the group's capacity does not depend on which pool Spot picks.
    expect(new Set(types.map((t) => t.split('.')[1])).size).toBe(1);
  });

  it('is Spot over several instance pools in staging, on-demand in production', () => {
    const group = only('AWS::EKS::Nodegroup').Properties;
    if (stage === 'staging') {
      expect(group['CapacityType']).toBe('SPOT');
      expect((group['InstanceTypes'] as string[]).length).toBeGreaterThanOrEqual(3);
    } else expect(group['CapacityType']).toBe('ON_DEMAND');
  });

  it('installs Karpenter from its OCI chart at the pinned version, with the interruption queue', () => {
    const chart = all('Custom::AWSCDK-EKS-HelmChart').find(
      (r) => r.Properties['Chart'] === 'karpenter',
    );
    expect(chart?.Properties).toMatchObject({
      Repository: 'oci://public.ecr.aws/karpenter/karpenter',
      Version: KARPENTER_VERSION,
      Namespace: 'kube-system',
    });
    expect(KARPENTER_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    const values = JSON.stringify(chart?.Properties['Values']);
    expect(values).toContain(`\\"clusterName\\":\\"tengen-${stage}\\"`);
    const [queueId] = Object.keys(template.findResources('AWS::SQS::Queue'));
    expect(values).toContain(queueId);
  });

  it('sends Spot interruptions, rebalances, state changes and AWS Health events to the queue', () => {
    const [queueId] = Object.keys(template.findResources('AWS::SQS::Queue'));
    const rules = all('AWS::Events::Rule').filter((r) =>
      JSON.stringify(r.Properties['Targets']).includes(queueId!),
    );
    const detailTypes = rules.flatMap(
      (r) => (r.Properties['EventPattern'] as { 'detail-type': string[] })['detail-type'],
    );
    expect(detailTypes.sort()).toEqual([
      'AWS Health Event',
      'EC2 Instance Rebalance Recommendation',
      'EC2 Instance State-change Notification',
      'EC2 Spot Instance Interruption Warning',
    ]);
    expect(only('AWS::SQS::Queue').Properties).toMatchObject({
      MessageRetentionPeriod: 300,
      SqsManagedSseEnabled: true,
    });
    const queuePolicy = JSON.stringify(only('AWS::SQS::QueuePolicy').Properties);
    expect(queuePolicy).toContain('"aws:SecureTransport":"false"');
    expect(queuePolicy).toContain('events.amazonaws.com');
  });

  it('lets the controller touch only what is tagged for this cluster, through Pod Identity', () => {
    const association = all('AWS::EKS::PodIdentityAssociation').find(
      (r) => r.Properties['ServiceAccount'] === 'karpenter',
    );
    expect(association?.Properties['Namespace']).toBe('kube-system');
    const statements = policyOf('ClusterKarpenterControllerRoleDefaultPolicy');
    expect(statements.length).toBeGreaterThan(10);
    const actions = statements.flatMap((s) => list(s.Action));
    expect(actions.some((a) => a === '*' || a.endsWith(':*'))).toBe(false);
    const clusterTag = `aws:ResourceTag/kubernetes.io/cluster/tengen-${stage}`;
    const deletion = statements.find((s) => list(s.Action).includes('ec2:TerminateInstances'));
    expect(deletion?.Condition?.['StringEquals']?.[clusterTag]).toBe('owned');
    const launch = statements.find((s) => list(s.Action).includes('ec2:CreateLaunchTemplate'));
    expect(launch?.Condition?.['StringEquals']).toMatchObject({
      [`aws:RequestTag/kubernetes.io/cluster/tengen-${stage}`]: 'owned',
    });
    const passRole = statements.find((s) => list(s.Action).includes('iam:PassRole'));
    expect(JSON.stringify(passRole?.Resource)).toContain('ClusterKarpenterNodeRole');
    expect(passRole?.Condition?.['StringEquals']?.['iam:PassedToService']).toBe(
      'ec2.amazonaws.com',
    );
    const reads = statements.find((s) => list(s.Action).includes('ec2:DescribeInstances'));
    expect(reads?.Condition?.['StringEquals']?.['aws:RequestedRegion']).toBe(config.region);
  });

  it("lets Karpenter's nodes join the cluster through an EC2_LINUX access entry", () => {
    const entry = all('AWS::EKS::AccessEntry').find((r) => r.Properties['Type'] === 'EC2_LINUX');
    expect(JSON.stringify(entry?.Properties['PrincipalArn'])).toContain('ClusterKarpenterNodeRole');
  });

  it('launches arm64 nodes of the stage capacity type, IMDSv2 with hop limit 1, within a CPU limit', () => {
    const pool = manifest('NodePool');
    expect(pool).toContain(
      '{\\"key\\":\\"kubernetes.io/arch\\",\\"operator\\":\\"In\\",\\"values\\":[\\"arm64\\"]}',
    );
    const capacity = config.nodePool.capacityTypes.map((c) => `\\"${c}\\"`).join(',');
    expect(pool).toContain(
      `{\\"key\\":\\"karpenter.sh/capacity-type\\",\\"operator\\":\\"In\\",\\"values\\":[${capacity}]}`,
    );
    expect(pool).toContain(`\\"limits\\":{\\"cpu\\":${config.nodePool.cpuLimit}}`);
    expect(pool).toContain('\\"budgets\\":[{\\"nodes\\":\\"1\\"}]');
    const nodeClass = manifest('EC2NodeClass');
    expect(nodeClass).toContain('\\"httpTokens\\":\\"required\\"');
    expect(nodeClass).toContain('\\"httpPutResponseHopLimit\\":1');
    expect(nodeClass).toContain('\\"encrypted\\":true');
    expect(nodeClass).toContain('ClusterKarpenterNodeRole');
    expect(config.nodePool.families.every((f) => GRAVITON_FAMILIES.includes(f as never))).toBe(
      true,
    );
    expect(config.nodePool.capacityTypes).toEqual(stage === 'staging' ? ['spot'] : ['on-demand']);
  });
});

describe('Graviton instance types', () => {
  it('accepts Graviton general-purpose and compute types, refuses burstable and x86 ones', () => {
    for (const type of ['m7g.large', 'c7g.xlarge', 'm7gd.large', 'c8g.2xlarge', 'r7g.large'])
      expect(isGravitonNonBurstable(type), type).toBe(true);
    for (const type of ['t4g.large', 't3.medium', 'm7i.large', 'c7a.large', 'm7g'])
      expect(isGravitonNonBurstable(type), type).toBe(false);
  });
});
