// The chart values that come from AWS resources, in one place: the platform stack exports them as
// the ChartValues output (read by chart:deploy) and the app stack passes them to its HelmChart.
// Stage sizing of the workload lives in the chart's ci/<stage>-values.yaml, layered underneath.
import { ACCESS_LOG_PREFIX } from './edge.ts';

/** Resource attributes the chart needs (CDK tokens at synth time, strings at deploy time). */
export interface ChartResourceInputs {
  repositoryUri: string;
  fileSystemId: string;
  accessPointId: string;
  redisUrl: string;
  host: string;
  certificateArn: string;
  /** CIDR of the VPC: where the ALB (target type ip) connects from and where Redis lives. */
  vpcCidr: string;
  /** WAF web ACL of the ALB; empty for none. */
  wafAclArn?: string;
  /** S3 bucket of the ALB access logs; empty for none. */
  accessLogBucket?: string;
  /** ALB deletion protection (production). */
  deletionProtection?: boolean;
  /** Aurora PostgreSQL with IAM authentication; absent for SQLite on EFS. */
  database?: {
    /** `postgres://user@host:5432/db`, without a password. */
    url: string;
    region: string;
    /** The pods' ServiceAccount, which EKS Pod Identity maps to the database role. */
    serviceAccount: string;
  };
}

/**
 * ServiceAccounts that need the database role: the pods' and the migration hook's
 * (`<name>-migrate`, the chart's `tengen.migrateServiceAccountName`).
 */
export const databaseServiceAccounts = (serviceAccount: string): string[] => [
  serviceAccount,
  `${serviceAccount}-migrate`,
];

/** Kubernetes Secret (in the app namespace) holding REDIS_URL with the AUTH token; made by chart:deploy. */
export const REDIS_SECRET = { name: 'tengen-redis', key: 'redis-url' } as const;

/** Maps resource attributes onto chart values (each one an env var of the server, or an ALB setting). */
export function chartValues(inputs: ChartResourceInputs): Record<string, unknown> {
  const values: Record<string, unknown> = {
    image: { repository: inputs.repositoryUri },
    persistence: {
      type: 'efs',
      efs: { fileSystemId: inputs.fileSystemId, accessPointId: inputs.accessPointId },
    },
    // The URL carries the AUTH token, so it comes from a Secret, never from a value.
    redis: { external: { url: '', existingSecret: { ...REDIS_SECRET } } },
    ingress: {
      enabled: true,
      host: inputs.host,
      tls: true,
      certificateArn: inputs.certificateArn,
      wafAclArn: inputs.wafAclArn ?? '',
      deletionProtection: inputs.deletionProtection ?? false,
      accessLogs: { bucket: inputs.accessLogBucket ?? '', prefix: ACCESS_LOG_PREFIX },
    },
    networkPolicy: {
      enabled: true,
      loadBalancerCidrs: [inputs.vpcCidr],
      redisCidrs: [inputs.vpcCidr],
    },
  };
  if (!inputs.database) return values;
  // No Secret and no password: each connection signs an IAM token with the pod's identity, over
  // TLS verified against the Amazon RDS CAs in the image (the chart's default CAs: no ConfigMap).
  return mergeValues(values, {
    database: {
      type: 'postgres',
      auth: 'iam',
      url: inputs.database.url,
      awsRegion: inputs.database.region,
      tls: 'verify-full',
    },
    serviceAccount: { name: inputs.database.serviceAccount },
    networkPolicy: { databaseCidrs: [inputs.vpcCidr] },
  });
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Deep-merges Helm values the way `--values a --values b` does: maps merge, everything else is replaced. */
export function mergeValues(
  base: Record<string, unknown>,
  overlay: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overlay)) {
    const current = merged[key];
    merged[key] =
      isPlainObject(current) && isPlainObject(value) ? mergeValues(current, value) : value;
  }
  return merged;
}
