import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { IService } from 'kubernetes-models/v1/Service';
import { describe, expect, it } from 'vitest';
import { ofKind, one, render, type K8sObject } from './render.ts';

const production = ['production-values.yaml'];

function serverEnv(objects: K8sObject[]): IEnvVar[] {
  const workload = objects.find(
    (o) =>
      (o.kind === 'StatefulSet' || o.kind === 'Deployment') &&
      o.metadata.labels?.['app.kubernetes.io/component'] === 'server',
  ) as IStatefulSet | IDeployment;
  return workload.spec?.template.spec?.containers.find((c) => c.name === 'server')?.env ?? [];
}

const envValue = (env: IEnvVar[], name: string) => env.find((e) => e.name === name);
const perPodServices = (objects: K8sObject[]) =>
  ofKind(objects, 'Service').filter(
    (s) => (s as IService).spec?.selector?.['statefulset.kubernetes.io/pod-name'],
  ) as IService[];

describe('scale-out routing', () => {
  it.each([
    [{ 'autoscaling.maxReplicas': 6 }, 6],
    [{ 'autoscaling.maxReplicas': 4, 'autoscaling.minReplicas': 2 }, 4],
    [{ 'autoscaling.enabled': false, replicaCount: 3 }, 3],
  ])('creates one Service and one Ingress path per possible pod (%o)', (set, slots) => {
    const objects = render({ values: production, release: 'tt', set });
    const statefulSet = one<IStatefulSet>(objects, 'StatefulSet');
    const services = perPodServices(objects);
    expect(services.map((s) => s.metadata?.name)).toEqual(
      Array.from({ length: slots }, (_, i) => `${statefulSet.metadata?.name}-${i}`),
    );
    for (const service of services) {
      // A per-pod Service selects exactly the StatefulSet pod of the same name.
      expect(service.spec?.selector?.['statefulset.kubernetes.io/pod-name']).toBe(
        service.metadata?.name,
      );
    }
    const ingress = one<IIngress>(objects, 'Ingress');
    const paths = ingress.spec?.rules?.[0]?.http?.paths ?? [];
    // `/metrics` is the ALB's fixed 404 (alb-hardening.spec.ts), not a route.
    const podPaths = paths.filter((p) => p.path !== '/' && p.path !== '/metrics');
    expect(podPaths.map((p) => [p.path, p.backend.service?.name])).toEqual(
      services.map((s) => [`/pods/${s.metadata?.name}`, s.metadata?.name]),
    );
    expect(paths.at(-1)).toMatchObject({
      path: '/',
      backend: { service: { name: statefulSet.metadata?.name } },
    });
    expect(statefulSet.spec?.serviceName).toBe(`${statefulSet.metadata?.name}-headless`);
  });

  it('tells each pod its public address from the downward API', () => {
    const env = serverEnv(render({ values: production }));
    expect(envValue(env, 'POD_NAME')?.valueFrom?.fieldRef?.fieldPath).toBe('metadata.name');
    expect(envValue(env, 'PUBLIC_ADDRESS')?.value).toBe('tetris.example.com/pods/$(POD_NAME)');
    // Kubernetes only expands $(VAR) references to variables defined earlier in the list.
    expect(env.findIndex((e) => e.name === 'POD_NAME')).toBeLessThan(
      env.findIndex((e) => e.name === 'PUBLIC_ADDRESS'),
    );
  });

  it('honours a custom path prefix in both the address and the routes', () => {
    const objects = render({ values: production, set: { 'scaleOut.pathPrefix': '/rooms/by-pod' } });
    expect(envValue(serverEnv(objects), 'PUBLIC_ADDRESS')?.value).toBe(
      'tetris.example.com/rooms/by-pod/$(POD_NAME)',
    );
    expect(one<IIngress>(objects, 'Ingress').spec?.rules?.[0]?.http?.paths[1]?.path).toMatch(
      /^\/rooms\/by-pod\/test-tengen-tetris-0$/,
    );
  });
});

describe('Redis wiring', () => {
  it('passes an external URL as REDIS_URL', () => {
    expect(envValue(serverEnv(render({ values: production })), 'REDIS_URL')?.value).toMatch(
      /^rediss:\/\/master\./,
    );
  });

  it('reads REDIS_URL from an existing Secret when one is named', () => {
    const objects = render({
      values: production,
      set: {
        'redis.external.existingSecret.name': 'elasticache',
        'redis.external.existingSecret.key': 'url',
      },
    });
    const redis = envValue(serverEnv(objects), 'REDIS_URL');
    expect(redis?.value).toBeUndefined();
    expect(redis?.valueFrom?.secretKeyRef).toEqual({ name: 'elasticache', key: 'url' });
  });

  it('runs a small in-chart Redis without persistence and points REDIS_URL at its Service', () => {
    const objects = render({ values: ['inchart-redis-values.yaml'], release: 'small' });
    const service = one<IService>(objects, 'Service', 'small-tengen-tetris-redis');
    const deployment = one<IDeployment>(objects, 'Deployment', 'small-tengen-tetris-redis');
    const container = deployment.spec?.template.spec?.containers[0];
    expect(container?.image).toMatch(/^redis:7/);
    expect(container?.args).toEqual(expect.arrayContaining(['--save', '', '--appendonly', 'no']));
    expect(deployment.spec?.template.spec?.volumes?.every((v) => v.emptyDir)).toBe(true);
    expect(envValue(serverEnv(objects), 'REDIS_URL')?.value).toBe(
      `redis://${service.metadata?.name}:6379`,
    );
    // The Redis pods are not server pods: the server Service must not select them.
    const main = one<IService>(objects, 'Service', 'small-tengen-tetris');
    expect(main.spec?.selector?.['app.kubernetes.io/component']).toBe('server');
    expect(deployment.spec?.template.metadata?.labels?.['app.kubernetes.io/component']).toBe(
      'redis',
    );
  });

  it('lets only the server pods reach the in-chart Redis', () => {
    const objects = render({ values: ['inchart-redis-values.yaml'], release: 'small' });
    const policy = one<INetworkPolicy>(objects, 'NetworkPolicy');
    const redisPods =
      one<IDeployment>(objects, 'Deployment', 'small-tengen-tetris-redis').spec?.template.metadata
        ?.labels ?? {};
    const serverPods =
      one<IStatefulSet>(objects, 'StatefulSet').spec?.template.metadata?.labels ?? {};
    for (const [key, value] of Object.entries(policy.spec?.podSelector?.matchLabels ?? {}))
      expect(redisPods[key]).toBe(value);
    const from = policy.spec?.ingress?.[0]?.from?.[0]?.podSelector?.matchLabels ?? {};
    expect(Object.keys(from).length).toBeGreaterThan(0);
    for (const [key, value] of Object.entries(from)) expect(serverPods[key]).toBe(value);
    expect(policy.spec?.ingress?.[0]?.ports).toEqual([{ port: 6379, protocol: 'TCP' }]);
  });
});

describe('single-pod shape', () => {
  const objects = render();

  it('is a Deployment with no Redis, no per-pod routes and no PUBLIC_ADDRESS', () => {
    expect(ofKind(objects, 'StatefulSet')).toEqual([]);
    expect(perPodServices(objects)).toEqual([]);
    const env = serverEnv(objects);
    expect(env.map((e) => e.name)).toEqual([
      'HOST',
      'PORT',
      'DB_FILE',
      'LOG_LEVEL',
      'DRAIN_SECONDS',
      'ROOM_WARMUP_SECONDS',
      'METRICS_PORT',
      'TRUSTED_PROXY_HOPS',
      'CORS_ORIGINS',
      'MAX_CONNECTIONS',
      'OUTBOX_DIR',
      'OUTBOX_RETRY_MAX_SECONDS',
    ]);
  });

  it('passes HOST and PORT from values, and PORT is the container port', () => {
    const custom = render({ set: { 'server.host': '127.0.0.1', 'server.port': 8080 } });
    const env = serverEnv(custom);
    expect(envValue(env, 'HOST')?.value).toBe('127.0.0.1');
    expect(envValue(env, 'PORT')?.value).toBe('8080');
    const deployment = one<IDeployment>(custom, 'Deployment');
    expect(deployment.spec?.template.spec?.containers[0]?.ports).toEqual([
      { name: 'http', containerPort: 8080, protocol: 'TCP' },
      { name: 'metrics', containerPort: 9464, protocol: 'TCP' },
    ]);
    expect(one<IService>(custom, 'Service').spec?.ports?.[0]).toMatchObject({
      port: 80,
      targetPort: 'http',
    });
  });
});
