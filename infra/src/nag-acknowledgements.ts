// cdk-nag AwsSolutions findings that are accepted, each on the narrowest construct and with the
// reason it is acceptable. Most are inside constructs CDK writes for EKS (the kubectl handler, the
// AWS Load Balancer Controller's published IAM policy); findings on our own resources are
// acknowledged next to the resource (cache.ts) or fixed.
import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { GameCluster } from './cluster.ts';

const P = '<AWS::Partition>';
const managed = (name: string): string =>
  `AwsSolutions-IAM4[Policy::arn:${P}:iam::aws:policy/${name}]`;

function acknowledge(scope: IConstruct | undefined, reason: string, ...ids: string[]): void {
  if (!scope) throw new Error(`cannot acknowledge ${ids.join(', ')}: construct not found`);
  for (const id of ids) Validations.of(scope).acknowledge({ id, reason });
}

/** Acknowledges the accepted findings of the platform's EKS constructs and deploy role. */
export function acknowledgePlatformFindings(
  gameCluster: GameCluster,
  deployRole: IConstruct,
  region: string,
): void {
  const { cluster } = gameCluster;
  acknowledge(
    cluster.role,
    'EKS requires the AWS managed AmazonEKSClusterPolicy on the cluster role; AWS updates it with the service.',
    managed('AmazonEKSClusterPolicy'),
  );
  acknowledge(
    gameCluster.nodeRole,
    'Managed node groups require these AWS managed policies (kubelet, VPC CNI, image pulls); AWS keeps them in step with EKS releases.',
    managed('AmazonEKSWorkerNodePolicy'),
    managed('AmazonEKS_CNI_Policy'),
    managed('AmazonEC2ContainerRegistryReadOnly'),
  );
  const kubectl = cluster.node.tryFindChild('KubectlProvider');
  acknowledge(
    kubectl,
    "CDK's kubectl provider (Lambda in the VPC) uses the AWS managed Lambda execution policies reads images, and reads the chart asset from the CDK asset bucket; its runtime is pinned by aws-cdk-lib.",
    managed('service-role/AWSLambdaBasicExecutionRole'),
    managed('service-role/AWSLambdaVPCAccessExecutionRole'),
    managed('AmazonEC2ContainerRegistryReadOnly'),
    `AwsSolutions-IAM4[Policy::{"Fn::If":["ClusterKubectlProviderHandlerHasEcrPublic6FE395CA",{"Fn::Join":["",["arn:",{"Ref":"AWS::Partition"},":iam::aws:policy/AmazonElasticContainerRegistryPublicReadOnly"]]},{"Ref":"AWS::NoValue"}]}]`,
    'AwsSolutions-IAM5[Action::s3:GetBucket*]',
    'AwsSolutions-IAM5[Action::s3:GetObject*]',
    'AwsSolutions-IAM5[Action::s3:List*]',
    `AwsSolutions-IAM5[Resource::arn:aws:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${region}/*]`,
    'AwsSolutions-IAM5[Resource::<ClusterKubectlProviderHandler93C0312D.Arn>:*]',
    'AwsSolutions-L1',
  );
  acknowledge(
    cluster.albController,
    'The AWS Load Balancer Controller policy is the one the controller project publishes (bundled in aws-cdk-lib for this version): it creates and tags load balancers, target groups and security groups whose ARNs do not exist before.',
    'AwsSolutions-IAM5[Resource::*]',
    ...[
      'ec2:*:*:security-group/*',
      ...[
        'loadbalancer/app/*/*',
        'loadbalancer/net/*/*',
        'targetgroup/*/*',
        'listener/app/*/*/*',
        'listener/net/*/*/*',
        'listener-rule/app/*/*/*',
        'listener-rule/net/*/*/*',
      ].map((r) => `elasticloadbalancing:*:*:${r}`),
    ].map((resource) => `AwsSolutions-IAM5[Resource::arn:${P}:${resource}]`),
  );
  acknowledge(
    deployRole,
    'ecr:GetAuthorizationToken has no resource-level permission; the wildcard role pattern matches only the CDK bootstrap roles (deploy, publishing, lookup) of this account and region.',
    'AwsSolutions-IAM5[Resource::*]',
    `AwsSolutions-IAM5[Resource::arn:aws:iam::<AWS::AccountId>:role/cdk-hnb659fds-*-<AWS::AccountId>-${region}]`,
  );
  acknowledgeKarpenterFindings(gameCluster, region);
}

/** Karpenter's node role (as a managed node's) and its controller's reference policy. */
function acknowledgeKarpenterFindings(gameCluster: GameCluster, region: string): void {
  const { karpenter } = gameCluster;
  acknowledge(
    karpenter.nodeRole,
    'Nodes that join EKS need these AWS managed policies (kubelet, VPC CNI, image pulls), as the managed node group role has; AWS keeps them in step with EKS releases.',
    managed('AmazonEKSWorkerNodePolicy'),
    managed('AmazonEKS_CNI_Policy'),
    managed('AmazonEC2ContainerRegistryReadOnly'),
  );
  const ec2 = (resource: string, account = '<AWS::AccountId>') =>
    `AwsSolutions-IAM5[Resource::arn:aws:ec2:${region}:${account}:${resource}]`;
  acknowledge(
    karpenter.controllerRole,
    "Karpenter v1's reference controller policy: the instances, fleets, launch templates, volumes and instance profiles it creates have no ARN before they exist, so launches and deletions are scoped by this cluster's tags (conditions) instead; EC2 Describe* and pricing:GetProducts have no resource-level permissions (reads limited to this region); AMIs, snapshots and the public SSM AMI parameters belong to AWS.",
    'AwsSolutions-IAM5[Resource::*]',
    ec2('image/*', ''),
    ec2('snapshot/*', ''),
    ...[
      'capacity-reservation/*',
      'fleet/*',
      'instance/*',
      'launch-template/*',
      'network-interface/*',
      'security-group/*',
      'spot-instances-request/*',
      'subnet/*',
      'volume/*',
    ].map((r) => ec2(r)),
    'AwsSolutions-IAM5[Resource::arn:aws:iam::<AWS::AccountId>:instance-profile/*]',
    `AwsSolutions-IAM5[Resource::arn:aws:ssm:${region}::parameter/aws/service/*]`,
  );
  acknowledge(
    karpenter.interruptionQueue,
    'Interruption events are worth acting on only within their 2-minute notice: a message Karpenter cannot handle is stale before anyone could replay it from a dead-letter queue.',
    'AwsSolutions-SQS3',
  );
}
