// The Kubernetes minor of the clusters and the EKS managed add-on versions pinned for it, in one
// table. Upgrading is one reviewed change: add the next minor's row (versions from
// `aws eks describe-addon-versions --kubernetes-version <minor> --addon-name <name>`), move
// KUBERNETES_VERSION to it, and swap the kubectl layer package for the matching
// `@aws-cdk/lambda-layer-kubectl-v<minor>` (the tests check all three agree).

/** The managed add-ons every cluster runs. */
export const EKS_ADDONS = [
  'vpc-cni',
  'kube-proxy',
  'coredns',
  'eks-pod-identity-agent',
  'metrics-server',
  'aws-efs-csi-driver',
] as const;
/** Name of a managed add-on. */
export type EksAddonName = (typeof EKS_ADDONS)[number];

/**
 * Add-on versions per Kubernetes minor. Pinned, never "latest": an add-on update is a reviewed
 * commit, and a fresh stage gets exactly what the others run.
 */
export const ADDON_VERSIONS = {
  '1.35': {
    'vpc-cni': 'v1.21.1-eksbuild.3',
    'kube-proxy': 'v1.35.0-eksbuild.2',
    coredns: 'v1.13.2-eksbuild.1',
    'eks-pod-identity-agent': 'v1.3.10-eksbuild.3',
    'metrics-server': 'v0.8.1-eksbuild.1',
    'aws-efs-csi-driver': 'v3.0.1-eksbuild.1',
  },
} as const satisfies Record<string, Record<EksAddonName, string>>;

/** A Kubernetes minor the table covers. */
export type KubernetesMinor = keyof typeof ADDON_VERSIONS;

/**
 * The clusters' Kubernetes minor: 1.35 is in EKS standard support (14 months from its EKS release, into 2027; $0.10/h per
 * cluster; extended support bills $0.60/h). The cluster's upgrade policy is STANDARD, so EKS
 * upgrades it at the end of standard support instead of billing extended support.
 */
export const KUBERNETES_VERSION: KubernetesMinor = '1.35';

/** The pinned version of an add-on for a minor. */
export function addonVersion(
  name: EksAddonName,
  minor: KubernetesMinor = KUBERNETES_VERSION,
): string {
  return ADDON_VERSIONS[minor][name];
}
