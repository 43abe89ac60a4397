// The stage option `database: aurora`: Aurora PostgreSQL Serverless v2 with IAM authentication for
// the app's pods, checked on the synthesized template of each stage, plus cdk-nag.
import { Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { AURORA, STAGES } from '../src/config/stages.ts';
import { SCORE_DATABASE } from '../src/database.ts';
import { synthStage } from './synth.ts';

type Resource = {
  Type: string;
  Properties: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
};
const aurora = (stage: (typeof STAGES)[number]) =>
  synthStage(stage, { [`tengen:${stage}:database`]: 'aurora' });

describe.each(STAGES)('Aurora PostgreSQL (%s, database: aurora)', (stage) => {
  const { platformTemplate: template, platform, app, config } = aurora(stage);
  const sizing = AURORA[stage];
  const all = (type: string) =>
    Object.entries(template.findResources(type)) as [string, Resource][];
  const [[clusterId, cluster]] = all('AWS::RDS::DBCluster') as [[string, Resource]];
  const logicalId = (construct: { node: { defaultChild?: unknown } }) =>
    platform.getLogicalId(construct.node.defaultChild as never);

  it('is one Serverless v2 cluster at the pinned version, sized for the stage', () => {
    expect(all('AWS::RDS::DBCluster')).toHaveLength(1);
    expect(cluster.Properties).toMatchObject({
      Engine: 'aurora-postgresql',
      EngineVersion: '17.9',
      ServerlessV2ScalingConfiguration: { MinCapacity: sizing.minAcu, MaxCapacity: sizing.maxAcu },
      DatabaseName: SCORE_DATABASE.name,
      Port: 5432,
    });
    const instances = all('AWS::RDS::DBInstance').map(([, r]) => r.Properties);
    expect(instances).toHaveLength(1 + sizing.readers);
    for (const instance of instances) {
      expect(instance).toMatchObject({
        DBInstanceClass: 'db.serverless',
        DBClusterIdentifier: { Ref: clusterId },
        PubliclyAccessible: false,
        AutoMinorVersionUpgrade: false,
        // Pinned: the image trusts this CA's roots (database-ca.spec.ts).
        CACertificateIdentifier: 'rds-ca-rsa2048-g1',
      });
    }
  });

  it('lives in the private subnets only', () => {
    const [[, subnetGroup]] = all('AWS::RDS::DBSubnetGroup') as [[string, Resource]];
    const privateIds = all('AWS::EC2::Subnet')
      .filter(
        ([, s]) =>
          s.Properties['MapPublicIpOnLaunch'] === false && JSON.stringify(s).includes('private'),
      )
      .map(([id]) => ({ Ref: id }));
    expect(privateIds).toHaveLength(3);
    expect(subnetGroup.Properties['SubnetIds']).toEqual(privateIds);
  });

  it('encrypts storage and the master secret with a rotated customer-managed key', () => {
    const keyId = logicalId(platform.scoreDatabase?.key as never);
    expect(cluster.Properties).toMatchObject({
      StorageEncrypted: true,
      KmsKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
      ManageMasterUserPassword: true,
      MasterUserSecret: { KmsKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } },
    });
    expect(cluster.Properties['MasterUserPassword']).toBeUndefined();
    template.hasResource('AWS::KMS::Key', {
      Properties: Match.objectLike({ EnableKeyRotation: true }),
    });
    expect(template.toJSON().Resources[keyId].Properties.EnableKeyRotation).toBe(true);
  });

  it('keeps backups for the stage, protects production from deletion, snapshots on delete', () => {
    expect(cluster.Properties['BackupRetentionPeriod']).toBe(sizing.backupDays);
    expect(Boolean(cluster.Properties['DeletionProtection'])).toBe(stage === 'production');
    expect(cluster.DeletionPolicy).toBe('Snapshot');
  });

  it('turns IAM database authentication on and requires TLS', () => {
    expect(cluster.Properties['EnableIAMDatabaseAuthentication']).toBe(true);
    const [[, params]] = all('AWS::RDS::DBClusterParameterGroup') as [[string, Resource]];
    expect(params.Properties['Parameters']).toEqual({ 'rds.force_ssl': '1' });
  });

  it('admits 5432 from the EKS cluster security group only, and sends nothing out', () => {
    const sgId = logicalId(platform.scoreDatabase?.securityGroup as never);
    expect(cluster.Properties['VpcSecurityGroupIds']).toEqual([
      { 'Fn::GetAtt': [sgId, 'GroupId'] },
    ]);
    const ingress = [
      ...all('AWS::EC2::SecurityGroupIngress').map(([, r]) => r.Properties),
      ...((template.toJSON().Resources[sgId].Properties.SecurityGroupIngress ?? []) as Record<
        string,
        unknown
      >[]),
    ].filter((r) => JSON.stringify(r['GroupId'] ?? { 'Fn::GetAtt': [sgId] }).includes(sgId));
    expect(ingress).toEqual([
      expect.objectContaining({
        IpProtocol: 'tcp',
        FromPort: 5432,
        ToPort: 5432,
        SourceSecurityGroupId: {
          'Fn::GetAtt': [
            logicalId(platform.gameCluster.cluster as never),
            'ClusterSecurityGroupId',
          ],
        },
      }),
    ]);
    const egress = template.toJSON().Resources[sgId].Properties.SecurityGroupEgress as {
      CidrIp: string;
    }[];
    expect(egress).toEqual([expect.objectContaining({ CidrIp: '255.255.255.255/32' })]);
  });

  it("lets the app's pods connect as the app's database user and nothing else", () => {
    const roleId = logicalId(platform.scoreDatabase?.appRole as never);
    const role = template.toJSON().Resources[roleId] as Resource;
    expect(JSON.stringify(role.Properties['AssumeRolePolicyDocument'])).toContain(
      'pods.eks.amazonaws.com',
    );
    const policies = all('AWS::IAM::Policy').filter(([, p]) =>
      JSON.stringify(p.Properties['Roles']).includes(roleId),
    );
    expect(policies).toHaveLength(1);
    const statements = (policies[0]?.[1].Properties['PolicyDocument'] as { Statement: unknown[] })
      .Statement;
    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: 'rds-db:connect',
        Resource: {
          'Fn::Join': [
            '',
            [
              `arn:aws:rds-db:${config.region}:`,
              { Ref: 'AWS::AccountId' },
              ':dbuser:',
              { 'Fn::GetAtt': [clusterId, 'DBClusterResourceId'] },
              `/${SCORE_DATABASE.user}`,
            ],
          ],
        },
      },
    ]);
  });

  it('hands that role to the pods and the migration hook through EKS Pod Identity', () => {
    const roleId = logicalId(platform.scoreDatabase?.appRole as never);
    const associations = all('AWS::EKS::PodIdentityAssociation')
      .map(([, r]) => r.Properties)
      .filter((p) => p['Namespace'] === config.namespace);
    expect(associations.map((a) => a['ServiceAccount']).sort()).toEqual([
      config.release,
      `${config.release}-migrate`,
    ]);
    for (const a of associations) expect(a['RoleArn']).toEqual({ 'Fn::GetAtt': [roleId, 'Arn'] });
  });

  it('passes the chart postgres with IAM authentication: a URL without a password, no Secret', () => {
    const values = JSON.stringify(template.toJSON().Outputs.ChartValues.Value);
    expect(values).toContain('\\"database\\":{\\"type\\":\\"postgres\\",\\"auth\\":\\"iam\\"');
    expect(values).toContain(`\\"url\\":\\"postgres://${SCORE_DATABASE.user}@`);
    expect(values).toContain(`:5432/${SCORE_DATABASE.name}\\"`);
    expect(values).toContain('\\"tls\\":\\"verify-full\\"');
    expect(values).toContain(`\\"awsRegion\\":\\"`);
    expect(values).toContain(`\\"serviceAccount\\":{\\"name\\":\\"${config.release}\\"}`);
    expect(values).toContain('\\"databaseCidrs\\":[');
    expect(values).not.toContain('existingSecret\\":{\\"name\\":\\"tengen-database');
    expect(Object.keys(template.toJSON().Outputs)).toEqual(
      expect.arrayContaining(['DatabaseUrl', 'DatabaseMasterSecretArn']),
    );
  });

  it('leaves no unacknowledged cdk-nag finding', () => {
    const report = new AwsSolutionsChecks().validateScope(app);
    expect(report.violations.map((v) => v.ruleName)).toEqual([]);
  });
});

describe('database: sqlite (the default)', () => {
  it.each(STAGES)('creates no Aurora and passes no database values (%s)', (stage) => {
    const { platformTemplate: template } = synthStage(stage);
    template.resourceCountIs('AWS::RDS::DBCluster', 0);
    // Pod Identity only for the platform's own controllers (EFS CSI, Karpenter): none for the app.
    const appAssociations = Object.values(
      template.findResources('AWS::EKS::PodIdentityAssociation'),
    ).filter(
      (r) => (r as { Properties: { Namespace: unknown } }).Properties.Namespace === 'tengen',
    );
    expect(appAssociations).toEqual([]);
    expect(JSON.stringify(template.toJSON().Outputs.ChartValues.Value)).not.toContain('postgres');
  });
});
