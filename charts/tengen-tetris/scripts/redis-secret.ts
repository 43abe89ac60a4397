// `node charts/tengen-tetris/scripts/redis-secret.ts --secret-arn <arn> --redis-url rediss://host:port
//  --namespace <ns> --name <secret> --key <key> --region <r> --kubeconfig <file>`: copies the Redis
// AUTH token from AWS Secrets Manager into the Kubernetes Secret the chart reads REDIS_URL from
// (`redis.external.existingSecret`). The token travels from the AWS CLI's stdout to kubectl's stdin:
// it is never printed, never in a file, never in git or in the Helm release.
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { ensureKubectl } from './helm-binary.ts';

/** `rediss://host:port` plus a token -> `rediss://:token@host:port` (the AUTH form ioredis reads). */
export function redisUrlWithToken(url: string, token: string): string {
  const match = /^(rediss?):\/\/([^/@:]+):(\d+)\/?$/.exec(url);
  if (!match) throw new Error(`redis url must be rediss://host:port without credentials: ${url}`);
  if (!/^[A-Za-z0-9]{16,128}$/.test(token))
    throw new Error('the Redis AUTH token must be 16-128 letters and digits');
  return `${match[1]}://:${token}@${match[2]}:${match[3]}`;
}

/** The Secret manifest (applied through kubectl's stdin). */
export function redisSecretManifest(opts: {
  namespace: string;
  name: string;
  key: string;
  url: string;
}): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'Opaque',
    metadata: {
      name: opts.name,
      namespace: opts.namespace,
      labels: {
        'app.kubernetes.io/part-of': 'tengen-tetris',
        'app.kubernetes.io/managed-by': 'chart-deploy',
      },
    },
    stringData: { [opts.key]: opts.url },
  };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      'secret-arn': { type: 'string' },
      'redis-url': { type: 'string' },
      namespace: { type: 'string' },
      name: { type: 'string' },
      key: { type: 'string' },
      region: { type: 'string' },
      kubeconfig: { type: 'string' },
    },
  });
  const need = (k: keyof typeof values): string => {
    const v = values[k];
    if (typeof v !== 'string' || v === '') throw new Error(`--${k} is required`);
    return v;
  };
  const token = execFileSync(
    'aws',
    [
      'secretsmanager',
      'get-secret-value',
      '--secret-id',
      need('secret-arn'),
      '--region',
      need('region'),
      '--query',
      'SecretString',
      '--output',
      'text',
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  ).trim();
  const manifest = redisSecretManifest({
    namespace: need('namespace'),
    name: need('name'),
    key: need('key'),
    url: redisUrlWithToken(need('redis-url'), token),
  });
  execFileSync(ensureKubectl(), ['apply', '--kubeconfig', need('kubeconfig'), '-f', '-'], {
    input: JSON.stringify(manifest),
    stdio: ['pipe', 'inherit', 'inherit'],
  });
}

if (import.meta.main) main();
