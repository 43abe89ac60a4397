// Encrypted EFS file system for the SQLite database, with an access point that maps every client to
// uid/gid 10001 (the image's user) under /tengen. Retained on stack deletion: it holds the scores.
import { RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import { Construct } from 'constructs';

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
      // Clients must mount with IAM (the chart's PV mounts with `tls` and `iam`).
      allowAnonymousAccess: false,
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
  }
}
