// ElastiCache Redis for Colyseus presence and matchmaking across pods: encrypted in transit and at
// rest, in the private subnets, reachable only from the cluster's security group.
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elasticache from 'aws-cdk-lib/aws-elasticache';
import { Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/** Props of the presence cache. */
export interface PresenceCacheProps {
  vpc: ec2.IVpc;
  clientSecurityGroup: ec2.ISecurityGroup;
  nodeType: string;
  /** Read replicas; with at least one, failover is automatic and Multi-AZ. */
  replicas: number;
  name: string;
}

/** A Redis replication group and its `rediss://` URL. */
export class PresenceCache extends Construct {
  /** Non-default port (cdk-nag AEC5). */
  static readonly PORT = 6380;
  readonly replicationGroup: elasticache.CfnReplicationGroup;
  readonly url: string;

  constructor(scope: Construct, id: string, props: PresenceCacheProps) {
    super(scope, id);
    const securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'Redis, reachable from the EKS cluster only',
      allowAllOutbound: false,
    });
    securityGroup.addIngressRule(
      props.clientSecurityGroup,
      ec2.Port.tcp(PresenceCache.PORT),
      'Redis from the EKS cluster',
    );
    const subnets = new elasticache.CfnSubnetGroup(this, 'Subnets', {
      description: 'private subnets',
      subnetIds: props.vpc.selectSubnets({ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS })
        .subnetIds,
    });
    const multiAz = props.replicas > 0;
    this.replicationGroup = new elasticache.CfnReplicationGroup(this, 'ReplicationGroup', {
      replicationGroupDescription: `${props.name} presence and matchmaking`,
      engine: 'redis',
      engineVersion: '7.1',
      cacheNodeType: props.nodeType,
      numNodeGroups: 1,
      replicasPerNodeGroup: props.replicas,
      automaticFailoverEnabled: multiAz,
      multiAzEnabled: multiAz,
      atRestEncryptionEnabled: true,
      transitEncryptionEnabled: true,
      port: PresenceCache.PORT,
      cacheSubnetGroupName: subnets.ref,
      securityGroupIds: [securityGroup.securityGroupId],
      autoMinorVersionUpgrade: true,
    });
    this.url = `rediss://${this.replicationGroup.attrPrimaryEndPointAddress}:${PresenceCache.PORT}`;
    Validations.of(this.replicationGroup).acknowledge({
      id: 'AwsSolutions-AEC6',
      reason:
        'No Redis AUTH token: putting one in REDIS_URL would need a secret store in the cluster (External Secrets), not yet installed. ' +
        'Access is limited by the security group to the cluster, and all traffic is TLS. The data is ephemeral presence state.',
    });
    if (!multiAz) {
      Validations.of(this.replicationGroup).acknowledge({
        id: 'AwsSolutions-AEC4',
        reason:
          'Staging runs a single cache node to keep idle cost low; losing it only interrupts matchmaking until it is replaced.',
      });
    }
  }
}
