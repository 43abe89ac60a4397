// Karpenter's pinned release and the facts its NodePool is built from, in one place.

/**
 * The Karpenter Helm chart (oci://public.ecr.aws/karpenter/karpenter), pinned: an upgrade is a
 * reviewed commit (CRDs ship with the chart and install on first deploy only: see infra/README.md).
 * v1.11 is the first minor listed for Kubernetes 1.29-1.35 (endoflife.date/karpenter, May 2026);
 * check https://karpenter.sh/docs/upgrading/compatibility/ when moving the cluster's minor.
 */
export const KARPENTER_VERSION = '1.11.1';

/** Karpenter's namespace and service account (the chart's defaults, named for the Pod Identity). */
export const KARPENTER_NAMESPACE = 'kube-system';
export const KARPENTER_SERVICE_ACCOUNT = 'karpenter';

/**
 * The EKS-optimized AL2023 AMI the NodePool's nodes boot. `latest` follows the AMI of the
 * cluster's minor, as the managed node group does; pin `al2023@vYYYYMMDD` (a release of
 * awslabs/amazon-eks-ami) to move nodes only by a reviewed change.
 */
export const KARPENTER_AMI_ALIAS = 'al2023@latest';

/** Names of the Kubernetes objects. */
export const KARPENTER_NODE_CLASS = 'graviton';
export const KARPENTER_NODE_POOL = 'app';
