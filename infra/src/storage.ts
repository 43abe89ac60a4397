// Encrypted EFS file system for the SQLite database, with an access point that maps every client to
// uid/gid 10001 (the image's user) under /tengen. Retained on stack deletion: it holds the scores.
// Its file-system policy is the whole access rule: TLS only, through the access point only, and
// only for the principals given to `allowMount` (no root access, no anonymous clients).
import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

const CLIENT_ACTIONS = [
  'elasticfilesystem:ClientMount',
  'elasticfilesystem:ClientWrite',
  'elasticfilesystem:ClientRootAccess',
];

/** Props of the game storage. */
export interface GameStorageProps {
  vpc: ec2.IVpc;
  /** Security group of the cluster's nodes and pods: the only NFS clients allowed. */
  clientSecurityGroup: ec2.ISecurityGroup;
}

/** The EFS file system and access point of one stage. */
export class GameStorage extends Construct {
  readonly fileSystem: efs.FileSystem;
  readonly accessPoint: efs.AccessPoint;

  constructor(scope: Construct, id: string, props: GameStorageProps) {
    super(scope, id);
    this.fileSystem = new efs.FileSystem(this, 'FileSystem', {
      vpc: props.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      encrypted: true,
      performanceMode: efs.PerformanceMode.GENERAL_PURPOSE,
      throughputMode: efs.ThroughputMode.ELASTIC,
      enableAutomaticBackups: true,
      // `false` would make CDK add "Allow * ClientWrite + ClientRootAccess through any mount
      // target"; the policy below allows named roles only, so anonymous clients are refused anyway.
      allowAnonymousAccess: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.fileSystem.connections.allowDefaultPortFrom(
      props.clientSecurityGroup,
      'NFS from the EKS cluster',
    );
    this.accessPoint = this.fileSystem.addAccessPoint('GameData', {
      path: '/tengen',
      posixUser: { uid: '10001', gid: '10001' },
      createAcl: { ownerUid: '10001', ownerGid: '10001', permissions: '750' },
    });
    this.fileSystem.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'DenyWithoutTls',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: CLIENT_ACTIONS,
        conditions: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
    this.fileSystem.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'DenyOutsideTheAccessPoint',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: CLIENT_ACTIONS,
        // The access point's ARN cannot appear here (the access point refers to the file system,
        // whose policy this is: a cycle); "no access point at all" is what is refused. Access
        // points of this file system are created by this stack only.
        conditions: { Null: { 'elasticfilesystem:AccessPointArn': 'true' } },
      }),
    );
  }

  private accessPointArnPattern(): string {
    const stack = Stack.of(this);
    return `arn:${stack.partition}:elasticfilesystem:${stack.region}:${stack.account}:access-point/fsap-*`;
  }

  /** Lets a role mount and write (never as root) through the access point, over TLS. */
  allowMount(principal: iam.IRole): void {
    this.fileSystem.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'MountThroughTheAccessPoint',
        principals: [new iam.ArnPrincipal(principal.roleArn)],
        actions: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'],
        conditions: {
          Bool: {
            'elasticfilesystem:AccessedViaMountTarget': 'true',
            'aws:SecureTransport': 'true',
          },
          ArnLike: { 'elasticfilesystem:AccessPointArn': this.accessPointArnPattern() },
        },
      }),
    );
  }
}
