// The platform of one stage: network, EKS with its add-ons, EFS, Redis, ECR and the GitHub deploy
// role. Its outputs are the contract with chart:deploy (ChartValues, ClusterName, ...).
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { PresenceCache } from './cache.ts';
import { chartValues, databaseServiceAccounts, type ChartResourceInputs } from './chart-values.ts';
import { GameCluster } from './cluster.ts';
import type { StageConfig } from './config/stages.ts';
import { GithubDeployRole } from './github-deploy-role.ts';
import { githubOidcProviderArn } from './github-oidc-stack.ts';
import { grantPromotion, promotionConfig } from './image-promotion.ts';
import { Network } from './network.ts';
import { ImageRegistry } from './registry.ts';
import { EdgeProtection } from './edge.ts';
import { GameStorage } from './storage.ts';
import { ScoreDatabase } from './database.ts';
import { acknowledgePlatformFindings } from './nag-acknowledgements.ts';

/** Props of the platform stack. */
export interface PlatformStackProps extends StackProps {
  config: StageConfig;
}

/** Everything the app runs on, for one stage. */
export class PlatformStack extends Stack {
  readonly gameCluster: GameCluster;
  /** Aurora PostgreSQL, when the stage's `database` is `aurora`. */
  readonly scoreDatabase: ScoreDatabase | undefined;
  /** Resource attributes the chart values are made of. */
  readonly chartInputs: ChartResourceInputs;

  constructor(scope: Construct, id: string, props: PlatformStackProps) {
    super(scope, id, props);
    const { config } = props;
    const name = `tengen-${config.stage}`;
    const network = new Network(this, 'Network', {
      availabilityZones: ['a', 'b', 'c'].map((zone) => `${config.region}${zone}`),
      natGateways: config.natGateways,
    });
    this.gameCluster = new GameCluster(this, 'Cluster', {
      vpc: network.vpc,
      clusterName: name,
      namespace: config.namespace,
      nodes: config.nodes,
      nodePool: config.nodePool,
      apiAllowedCidrs: config.apiAllowedCidrs,
    });
    const { cluster } = this.gameCluster;
    const storage = new GameStorage(this, 'Storage', {
      vpc: network.vpc,
      clientSecurityGroup: cluster.clusterSecurityGroup,
    });
    // The node role gets no EFS grant: only the CSI node plugin's own role may mount.
    storage.allowMount(this.gameCluster.efsMountRole);
    const cache = new PresenceCache(this, 'Cache', {
      vpc: network.vpc,
      clientSecurityGroup: cluster.clusterSecurityGroup,
      nodeType: config.redis.nodeType,
      replicas: config.redis.replicas,
      name,
    });
    // The EFS file system stays either way: it is retained and holds the SQLite scores to copy.
    this.scoreDatabase =
      config.database.engine === 'aurora'
        ? new ScoreDatabase(this, 'Database', {
            vpc: network.vpc,
            clientSecurityGroup: cluster.clusterSecurityGroup,
            sizing: config.database.sizing,
            deletionProtection: config.stage === 'production',
            name,
            cluster,
            namespace: config.namespace,
            serviceAccounts: databaseServiceAccounts(config.release),
          })
        : undefined;
    const edge = new EdgeProtection(this, 'Edge', { name });
    const registry = new ImageRegistry(this, 'Registry', { repositoryName: name });
    const deploy = new GithubDeployRole(this, 'GithubDeploy', {
      repository: config.githubRepository,
      environment: config.stage,
      providerArn: config.githubOidcProviderArn || githubOidcProviderArn(this),
    });
    registry.repository.grantPullPush(deploy.role);
    // Production copies the digest staging tested from staging's repository (promotion by digest).
    const promotion = promotionConfig((key) => this.node.tryGetContext(key), config.stage);
    grantPromotion(registry.repository, deploy.role, promotion);
    // chart:deploy copies the Redis AUTH token into the cluster's Secret.
    cache.authToken.grantRead(deploy.role);
    deploy.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['eks:DescribeCluster'],
        resources: [cluster.clusterArn],
      }),
    );
    this.gameCluster.grantDeployer(deploy.role.roleArn, config.namespace);

    this.chartInputs = {
      repositoryUri: registry.repository.repositoryUri,
      fileSystemId: storage.fileSystem.fileSystemId,
      accessPointId: storage.accessPoint.accessPointId,
      redisUrl: cache.url,
      host: config.host,
      vpcCidr: network.vpc.vpcCidrBlock,
      wafAclArn: edge.webAcl.attrArn,
      accessLogBucket: edge.logBucket.bucketName,
      deletionProtection: config.stage === 'production',
      certificateArn: config.certificateArn,
      ...(this.scoreDatabase && {
        database: {
          url: this.scoreDatabase.url,
          region: this.region,
          serviceAccount: config.release,
        },
      }),
    };
    const outputs: Record<string, string> = {
      ClusterName: cluster.clusterName,
      Region: this.region,
      Namespace: config.namespace,
      ReleaseName: config.release,
      ChartValues: this.toJsonString(chartValues(this.chartInputs)),
      EcrRepositoryUri: registry.repository.repositoryUri,
      EfsFileSystemId: storage.fileSystem.fileSystemId,
      EfsAccessPointId: storage.accessPoint.accessPointId,
      RedisUrl: cache.url,
      RedisAuthSecretArn: cache.authToken.secretArn,
      IngressHost: config.host,
      DeployRoleArn: deploy.role.roleArn,
      ...(this.scoreDatabase && {
        DatabaseUrl: this.scoreDatabase.url,
        DatabaseMasterSecretArn: this.scoreDatabase.masterSecretArn,
      }),
    };
    for (const [key, value] of Object.entries(outputs)) new CfnOutput(this, key, { value });
    acknowledgePlatformFindings(this.gameCluster, deploy.role, config.region);
  }
}
