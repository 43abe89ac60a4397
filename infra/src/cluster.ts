// EKS cluster of one stage: a managed Graviton node group across the three zones' private subnets, the AWS
// Load Balancer Controller (IRSA), the EKS managed add-ons at the versions pinned for the cluster's
// minor (config/kubernetes.ts), and the app namespace with ALB pod readiness gates enabled.
import { KubectlV35Layer } from '@aws-cdk/lambda-layer-kubectl-v35';
import { Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { addonVersion, KUBERNETES_VERSION, type EksAddonName } from './config/kubernetes.ts';
import type { StageConfig } from './config/stages.ts';
import { Karpenter } from './karpenter.ts';

/** Props of the cluster. */
export interface GameClusterProps {
  vpc: ec2.IVpc;
  clusterName: string;
  namespace: string;
  nodes: StageConfig['nodes'];
  nodePool: StageConfig['nodePool'];
  /** CIDRs allowed on the public API endpoint (the endpoint is private too). */
  apiAllowedCidrs: string[];
}

/** Root volume of each node (GiB, gp3, encrypted). */
export const NODE_DISK_GIB = 20;

/** The EKS cluster and the add-ons the chart relies on. */
export class GameCluster extends Construct {
  readonly cluster: eks.Cluster;
  readonly nodeRole: iam.IRole;
  /** The app namespace manifest (depend on it before installing the chart). */
  readonly namespace: eks.KubernetesManifest;
  /** Add-ons the app needs before it can start (EFS CSI driver, metrics-server, CoreDNS, ...). */
  readonly addons: Construct[];
  /**
   * IAM role of the EFS CSI node service account (EKS Pod Identity): the node plugin mounts the
   * file system with IAM; the file-system policy (storage.ts) is what allows it.
   */
  readonly efsMountRole: iam.Role;
  /** Customer-managed key that envelope-encrypts Kubernetes Secrets (rotated yearly). */
  readonly secretsKey: kms.Key;
  /** Node autoscaling: Graviton nodes beyond the managed group, as the pods need them. */
  readonly karpenter: Karpenter;

  constructor(scope: Construct, id: string, props: GameClusterProps) {
    super(scope, id);
    this.secretsKey = new kms.Key(this, 'SecretsKey', {
      description: `${props.clusterName}: envelope encryption of Kubernetes Secrets`,
      enableKeyRotation: true,
    });
    this.cluster = new eks.Cluster(this, 'Cluster', {
      clusterName: props.clusterName,
      version: eks.KubernetesVersion.of(KUBERNETES_VERSION),
      vpc: props.vpc,
      vpcSubnets: [{ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }],
      defaultCapacityType: eks.DefaultCapacityType.NODEGROUP,
      defaultCapacity: 0,
      // Private for nodes and the kubectl handler (in the VPC); public only from listed CIDRs.
      endpointAccess: eks.EndpointAccess.PUBLIC_AND_PRIVATE.onlyFrom(...props.apiAllowedCidrs),
      secretsEncryptionKey: this.secretsKey,
      kubectlProviderOptions: { kubectlLayer: new KubectlV35Layer(this, 'KubectlLayer') },
      albController: { version: eks.AlbControllerVersion.V3_2_2 },
      clusterLogging: [
        eks.ClusterLoggingTypes.API,
        eks.ClusterLoggingTypes.AUDIT,
        eks.ClusterLoggingTypes.AUTHENTICATOR,
        eks.ClusterLoggingTypes.CONTROLLER_MANAGER,
        eks.ClusterLoggingTypes.SCHEDULER,
      ],
    });
    Validations.of(this.cluster).acknowledge({
      id: 'CloudFormation-Validate::W9009',
      reason:
        'aws-cdk-lib writes EncryptionConfig Resources ["secrets"], which EKS still requires for secrets envelope encryption.',
    });
    // Standard support only: at its end EKS upgrades the control plane instead of billing extended
    // support ($0.60/h instead of $0.10/h).
    (this.cluster.node.defaultChild as eks.CfnCluster).upgradePolicy = { supportType: 'STANDARD' };
    const nodegroup = this.cluster.addNodegroupCapacity('Nodes', {
      launchTemplateSpec: this.nodeLaunchTemplate(),
      instanceTypes: props.nodes.instanceTypes.map((type) => new ec2.InstanceType(type)),
      capacityType: eks.CapacityType[props.nodes.capacity],
      // Graviton: the image is multi-arch (docker/), the node AMI is the arm64 AL2023 one.
      amiType: eks.NodegroupAmiType.AL2023_ARM_64_STANDARD,
      minSize: props.nodes.min,
      desiredSize: props.nodes.desired,
      maxSize: props.nodes.max,
      subnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      enableNodeAutoRepair: true,
    });
    this.nodeRole = nodegroup.role;

    // The CNI comes first, so nodes join with the pinned version; the others run on the nodes.
    // Network policy enforcement on: the chart's NetworkPolicies are applied by the VPC CNI's
    // node agent (without it they are accepted and ignored).
    const vpcCni = this.addon(this, 'vpc-cni', undefined, { enableNetworkPolicy: 'true' });
    nodegroup.node.addDependency(vpcCni);
    // Same construct path as the cluster's own lazily created agent: existing stacks keep it.
    const podIdentityAgent = this.addon(
      this.cluster,
      'eks-pod-identity-agent',
      'EksPodIdentityAgentAddon',
    );
    const onNodes: Construct[] = [
      this.addon(this, 'kube-proxy'),
      this.addon(this, 'coredns'),
      podIdentityAgent,
      this.addon(this, 'metrics-server'),
    ];
    // Static provisioning (the chart's PV names the file system and access point): the controller
    // makes no AWS call, so its role has no permission; only the node plugin mounts.
    const efsControllerRole = this.podIdentityRole(
      'EfsCsiControllerRole',
      'EFS CSI controller (static provisioning only: no permissions)',
    );
    this.efsMountRole = this.podIdentityRole('EfsCsiNodeRole', 'EFS CSI node plugin: IAM mounts');
    const efsCsi = this.efsCsiDriver(efsControllerRole);
    // The node service account's association lives apart from the add-on, which accepts the
    // controller's only.
    const nodeAssociation = new eks.CfnPodIdentityAssociation(this, 'EfsCsiNodeIdentity', {
      clusterName: this.cluster.clusterName,
      namespace: 'kube-system',
      serviceAccount: 'efs-csi-node-sa',
      roleArn: this.efsMountRole.roleArn,
    });
    nodeAssociation.node.addDependency(podIdentityAgent);
    efsCsi.node.addDependency(podIdentityAgent);
    this.addons = [vpcCni, ...onNodes, efsCsi, nodeAssociation];
    // Add-ons with Deployments only become ACTIVE once there are nodes to run them.
    for (const addon of [...onNodes, efsCsi]) addon.node.addDependency(nodegroup);

    this.karpenter = new Karpenter(this, 'Karpenter', {
      cluster: this.cluster,
      clusterName: props.clusterName,
      subnets: props.vpc.selectSubnets({ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }).subnets,
      nodePool: props.nodePool,
      diskGib: NODE_DISK_GIB,
      dependsOn: [nodegroup, podIdentityAgent, vpcCni],
    });

    this.namespace = this.cluster.addManifest('AppNamespace', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: props.namespace,
        labels: {
          // The ALB controller injects a readiness gate per target group into pods here.
          'elbv2.k8s.aws/pod-readiness-gate-inject': 'enabled',
          'pod-security.kubernetes.io/enforce': 'restricted',
          'pod-security.kubernetes.io/warn': 'restricted',
        },
      },
    });
    // The readiness-gate webhook must exist before any pod of the namespace is created.
    if (this.cluster.albController) this.namespace.node.addDependency(this.cluster.albController);
  }

  /**
   * Lets a deployer (the GitHub deploy role) run `helm upgrade` for the app: admin inside the app
   * namespace through an EKS access policy, plus PersistentVolumes (cluster-scoped, created by the
   * chart's static EFS volume) through a Kubernetes group bound to a narrow ClusterRole.
   */
  grantDeployer(principalArn: string, namespace: string): void {
    const group = 'tengen-deployers';
    new eks.CfnAccessEntry(this, 'DeployerAccess', {
      clusterName: this.cluster.clusterName,
      principalArn,
      kubernetesGroups: [group],
      accessPolicies: [
        {
          policyArn: `arn:${Stack.of(this).partition}:eks::aws:cluster-access-policy/AmazonEKSAdminPolicy`,
          accessScope: { type: 'namespace', namespaces: [namespace] },
        },
      ],
    });
    this.cluster.addManifest(
      'DeployerVolumes',
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: `${group}-volumes` },
        rules: [
          {
            apiGroups: [''],
            resources: ['persistentvolumes'],
            verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'],
          },
        ],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: `${group}-volumes` },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'ClusterRole',
          name: `${group}-volumes`,
        },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: group }],
      },
    );
  }

  /**
   * A managed add-on at the version pinned for the cluster's minor. OVERWRITE adopts the
   * self-managed copy EKS bootstraps (vpc-cni, kube-proxy, coredns) on the first deploy.
   */
  private addon(
    scope: Construct,
    name: EksAddonName,
    id = name.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase()),
    configurationValues?: Record<string, unknown>,
  ): eks.Addon {
    const addon = new eks.Addon(scope, id, {
      cluster: this.cluster,
      addonName: name,
      addonVersion: addonVersion(name),
      configurationValues,
    });
    (addon.node.defaultChild as eks.CfnAddon).resolveConflicts = 'OVERWRITE';
    return addon;
  }

  /**
   * Node launch template: IMDSv2 only, with a hop limit of 1 so pods (one hop behind the node's
   * network namespace) cannot read the node role's credentials; controllers get theirs from Pod
   * Identity or IRSA, and the ALB controller is given its region and VPC id. Encrypted gp3 root.
   */
  private nodeLaunchTemplate(): eks.LaunchTemplateSpec {
    const template = new ec2.CfnLaunchTemplate(this, 'NodeLaunchTemplate', {
      launchTemplateData: {
        metadataOptions: {
          httpTokens: 'required',
          httpPutResponseHopLimit: 1,
          httpEndpoint: 'enabled',
        },
        blockDeviceMappings: [
          {
            deviceName: '/dev/xvda',
            ebs: { volumeSize: NODE_DISK_GIB, volumeType: 'gp3', encrypted: true },
          },
        ],
      },
    });
    return { id: template.ref, version: template.attrLatestVersionNumber };
  }

  /** A role that EKS Pod Identity hands to one service account. */
  private podIdentityRole(id: string, description: string): iam.Role {
    return new iam.Role(this, id, {
      assumedBy: new iam.ServicePrincipal('pods.eks.amazonaws.com').withSessionTags(),
      description,
    });
  }

  /** The EFS CSI driver add-on, with the controller's Pod Identity association only. */
  private efsCsiDriver(role: iam.IRole): eks.CfnAddon {
    return new eks.CfnAddon(this, 'EfsCsiDriver', {
      clusterName: this.cluster.clusterName,
      addonName: 'aws-efs-csi-driver',
      addonVersion: addonVersion('aws-efs-csi-driver'),
      resolveConflicts: 'OVERWRITE',
      podIdentityAssociations: [{ serviceAccount: 'efs-csi-controller-sa', roleArn: role.roleArn }],
    });
  }
}
