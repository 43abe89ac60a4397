// The chart values that come from AWS resources, in one place: the platform stack exports them as
// the ChartValues output (read by chart:deploy) and the app stack passes them to its HelmChart.
// Stage sizing of the workload lives in the chart's ci/<stage>-values.yaml, layered underneath.

/** Resource attributes the chart needs (CDK tokens at synth time, strings at deploy time). */
export interface ChartResourceInputs {
  repositoryUri: string;
  fileSystemId: string;
  accessPointId: string;
  redisUrl: string;
  host: string;
  certificateArn: string;
}

/** Maps resource attributes onto chart values (each one an env var of the server, or an ALB setting). */
export function chartValues(inputs: ChartResourceInputs): Record<string, unknown> {
  return {
    image: { repository: inputs.repositoryUri },
    persistence: {
      type: 'efs',
      efs: { fileSystemId: inputs.fileSystemId, accessPointId: inputs.accessPointId },
    },
    redis: { external: { url: inputs.redisUrl } },
    ingress: { enabled: true, host: inputs.host, tls: true, certificateArn: inputs.certificateArn },
  };
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
