// Node autoscaling with Karpenter: it launches Graviton nodes that fit the pods that are Pending
// and removes empty or underused ones. The controller runs on the managed node group (never on
// nodes it manages, the chart's default affinity) with a Pod Identity role scoped to this cluster's
// tags; a queue receives the EC2 Spot interruption, rebalance, state-change and AWS Health events
// so a reclaimed node is drained within its 2 minutes' notice.
import { Duration, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  KARPENTER_AMI_ALIAS,
  KARPENTER_NAMESPACE,
  KARPENTER_NODE_CLASS,
  KARPENTER_NODE_POOL,
  KARPENTER_SERVICE_ACCOUNT,
  KARPENTER_VERSION,
} from './config/karpenter.ts';
import type { StageConfig } from './config/stages.ts';
import { karpenterControllerStatements } from './karpenter-policy.ts';

/** Props of Karpenter. */
export interface KarpenterProps {
  cluster: eks.Cluster;
  /** The cluster's name as a plain string (IAM condition keys are built from it at synthesis). */
  clusterName: string;
  /** Subnets the nodes are launched in (the private ones). */
  subnets: ec2.ISubnet[];
  nodePool: StageConfig['nodePool'];
  /** Root volume size of a node, GiB (as the managed node group's). */
  diskGib: number;
  /** Constructs that must exist first: the managed nodes it runs on, the Pod Identity agent. */
  dependsOn: Construct[];
}

/** EventBridge events Karpenter acts on (the list of its getting-started CloudFormation). */
const INTERRUPTION_EVENTS: Record<string, events.EventPattern> = {
  ScheduledChange: { source: ['aws.health'], detailType: ['AWS Health Event'] },
  SpotInterruption: {
    source: ['aws.ec2'],
    detailType: ['EC2 Spot Instance Interruption Warning'],
  },
  Rebalance: { source: ['aws.ec2'], detailType: ['EC2 Instance Rebalance Recommendation'] },
  InstanceStateChange: {
    source: ['aws.ec2'],
    detailType: ['EC2 Instance State-change Notification'],
  },
};

/** Karpenter: controller (Helm), its IAM, the interruption queue, EC2NodeClass and NodePool. */
export class Karpenter extends Construct {
  readonly controllerRole: iam.Role;
  /** Role of the nodes Karpenter launches (an EC2_LINUX access entry lets them join). */
  readonly nodeRole: iam.Role;
  readonly interruptionQueue: sqs.Queue;
  readonly chart: eks.HelmChart;
  /** The EC2NodeClass and NodePool objects. */
  readonly nodeClass: eks.KubernetesManifest;
  readonly pool: eks.KubernetesManifest;

  constructor(scope: Construct, id: string, props: KarpenterProps) {
    super(scope, id);
    const { cluster } = props;
    const stack = Stack.of(this);

    this.interruptionQueue = new sqs.Queue(this, 'InterruptionQueue', {
      retentionPeriod: Duration.minutes(5),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    for (const [name, eventPattern] of Object.entries(INTERRUPTION_EVENTS)) {
      new events.Rule(this, `${name}Rule`, {
        eventPattern,
        targets: [new targets.SqsQueue(this.interruptionQueue)],
      });
    }

    this.nodeRole = new iam.Role(this, 'NodeRole', {
      assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
      description: `${cluster.clusterName}: nodes launched by Karpenter`,
      managedPolicies: [
        'AmazonEKSWorkerNodePolicy',
        'AmazonEKS_CNI_Policy',
        'AmazonEC2ContainerRegistryReadOnly',
      ].map((name) => iam.ManagedPolicy.fromAwsManagedPolicyName(name)),
    });
    new eks.CfnAccessEntry(this, 'NodeAccess', {
      clusterName: cluster.clusterName,
      principalArn: this.nodeRole.roleArn,
      type: 'EC2_LINUX',
    });

    this.controllerRole = new iam.Role(this, 'ControllerRole', {
      assumedBy: new iam.ServicePrincipal('pods.eks.amazonaws.com').withSessionTags(),
      description: `${cluster.clusterName}: Karpenter controller`,
    });
    for (const statement of karpenterControllerStatements({
      partition: stack.partition,
      account: stack.account,
      region: stack.region,
      clusterName: props.clusterName,
      clusterArn: cluster.clusterArn,
      queueArn: this.interruptionQueue.queueArn,
      nodeRoleArn: this.nodeRole.roleArn,
    }))
      this.controllerRole.addToPolicy(statement);
    const association = new eks.CfnPodIdentityAssociation(this, 'ControllerIdentity', {
      clusterName: cluster.clusterName,
      namespace: KARPENTER_NAMESPACE,
      serviceAccount: KARPENTER_SERVICE_ACCOUNT,
      roleArn: this.controllerRole.roleArn,
    });
    for (const dependency of props.dependsOn) association.node.addDependency(dependency);

    this.chart = cluster.addHelmChart('KarpenterChart', {
      chart: 'karpenter',
      repository: 'oci://public.ecr.aws/karpenter/karpenter',
      version: KARPENTER_VERSION,
      release: 'karpenter',
      namespace: KARPENTER_NAMESPACE,
      wait: true,
      values: {
        serviceAccount: { name: KARPENTER_SERVICE_ACCOUNT },
        settings: {
          clusterName: props.clusterName,
          interruptionQueue: this.interruptionQueue.queueName,
        },
        // Two replicas (leader election) spread over the managed nodes; requests sized from the
        // chart's documentation for small clusters.
        replicas: 2,
        controller: {
          resources: {
            requests: { cpu: '250m', memory: '512Mi' },
            limits: { memory: '512Mi' },
          },
        },
      },
    });
    this.chart.node.addDependency(association);
    for (const dependency of props.dependsOn) this.chart.node.addDependency(dependency);

    this.nodeClass = cluster.addManifest('KarpenterNodeClass', {
      apiVersion: 'karpenter.k8s.aws/v1',
      kind: 'EC2NodeClass',
      metadata: { name: KARPENTER_NODE_CLASS },
      spec: {
        role: this.nodeRole.roleName,
        amiSelectorTerms: [{ alias: KARPENTER_AMI_ALIAS }],
        subnetSelectorTerms: props.subnets.map((subnet) => ({ id: subnet.subnetId })),
        securityGroupSelectorTerms: [{ id: cluster.clusterSecurityGroupId }],
        // As the managed nodes' launch template: IMDSv2 only, hop limit 1 (pods cannot read the
        // node role's credentials), encrypted gp3 root.
        metadataOptions: {
          httpEndpoint: 'enabled',
          httpProtocolIPv6: 'disabled',
          httpPutResponseHopLimit: 1,
          httpTokens: 'required',
        },
        blockDeviceMappings: [
          {
            deviceName: '/dev/xvda',
            ebs: {
              volumeSize: `${props.diskGib}Gi`,
              volumeType: 'gp3',
              encrypted: true,
              deleteOnTermination: true,
            },
          },
        ],
      },
    });
    this.pool = cluster.addManifest('KarpenterNodePool', {
      apiVersion: 'karpenter.sh/v1',
      kind: 'NodePool',
      metadata: { name: KARPENTER_NODE_POOL },
      spec: karpenterNodePoolSpec(props.nodePool),
    });
    this.nodeClass.node.addDependency(this.chart);
    this.pool.node.addDependency(this.nodeClass);
  }
}

/** The NodePool's spec for a stage (pure: tested on its own and in the template). */
export function karpenterNodePoolSpec(pool: StageConfig['nodePool']): Record<string, unknown> {
  return {
    template: {
      spec: {
        nodeClassRef: {
          group: 'karpenter.k8s.aws',
          kind: 'EC2NodeClass',
          name: KARPENTER_NODE_CLASS,
        },
        requirements: [
          { key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] },
          { key: 'kubernetes.io/os', operator: 'In', values: ['linux'] },
          { key: 'karpenter.sh/capacity-type', operator: 'In', values: pool.capacityTypes },
          { key: 'karpenter.k8s.aws/instance-family', operator: 'In', values: pool.families },
          { key: 'karpenter.k8s.aws/instance-size', operator: 'In', values: pool.sizes },
        ],
        // Nodes are replaced monthly (fresh AMI); a draining node gives running games up to 30 min.
        expireAfter: '720h',
        terminationGracePeriod: '30m',
      },
    },
    limits: { cpu: pool.cpuLimit },
    disruption: {
      consolidationPolicy: 'WhenEmptyOrUnderutilized',
      // Quiet for 10 minutes first (the HPA's scale-down window is 10 minutes too), then one
      // node at a time, so a consolidation never ends many games at once.
      consolidateAfter: '10m',
      budgets: [{ nodes: '1' }],
    },
  };
}
