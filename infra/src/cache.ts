// ElastiCache Redis for Colyseus presence and matchmaking across pods: encrypted in transit and at
// rest, AUTH token required, in the private subnets, reachable only from the cluster's security
// group. The token is generated in Secrets Manager and never appears in a template or a manifest:
// CloudFormation resolves it into the replication group, and chart:deploy copies it into a
// Kubernetes Secret the chart reads through `redis.external.existingSecret`.
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elasticache from 'aws-cdk-lib/aws-elasticache';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
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
  /** `rediss://host:port`, without credentials (the token is in `authToken`). */
  readonly url: string;
  /** The AUTH token (alphanumeric, 64 characters). */
  readonly authToken: secretsmanager.Secret;

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
    this.authToken = new secretsmanager.Secret(this, 'AuthToken', {
      description: `${props.name}: Redis AUTH token (chart:deploy copies it into the cluster)`,
      // ElastiCache accepts 16-128 printable characters without @, " or /: alphanumeric is safe in a URL too.
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
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
      // A CloudFormation dynamic reference, resolved at deploy time: no token in the template.
      authToken: this.authToken.secretValue.unsafeUnwrap(),
      port: PresenceCache.PORT,
      cacheSubnetGroupName: subnets.ref,
      securityGroupIds: [securityGroup.securityGroupId],
      autoMinorVersionUpgrade: true,
    });
    this.url = `rediss://${this.replicationGroup.attrPrimaryEndPointAddress}:${PresenceCache.PORT}`;
    Validations.of(this.authToken).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating an ElastiCache AUTH token needs a two-step ROTATE/SET update of the replication group and a chart deploy in between; done by hand (README), not by a rotation Lambda.',
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
