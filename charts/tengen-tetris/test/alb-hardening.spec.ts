import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { describe, expect, it } from 'vitest';
import { validateObject } from './k8s-validate.ts';
import { one, render, renderError, type K8sObject } from './render.ts';

const waf = 'arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/tengen-production/abc';
const ingressOf = (set: Record<string, string | boolean> = {}) =>
  one<IIngress & K8sObject>(render({ values: ['production-values.yaml'], set }), 'Ingress');
const attributes = (ingress: K8sObject) =>
  (
    ingress.metadata.annotations?.['alb.ingress.kubernetes.io/load-balancer-attributes'] ?? ''
  ).split(',');

describe('ALB hardening', () => {
  it('writes access logs, protects the ALB from deletion and attaches the WAF ACL when given', async () => {
    const ingress = ingressOf({
      'ingress.accessLogs.bucket': 'tengen-production-alb-logs',
      'ingress.deletionProtection': true,
      'ingress.wafAclArn': waf,
    });
    await validateObject(ingress);
    expect(attributes(ingress)).toEqual([
      'idle_timeout.timeout_seconds=120',
      'access_logs.s3.enabled=true',
      'access_logs.s3.bucket=tengen-production-alb-logs',
      'access_logs.s3.prefix=alb',
      'deletion_protection.enabled=true',
    ]);
    expect(ingress.metadata.annotations?.['alb.ingress.kubernetes.io/wafv2-acl-arn']).toBe(waf);
  });

  it('keeps the defaults for clusters without them (no logs, no protection, no WAF)', () => {
    const ingress = ingressOf();
    expect(attributes(ingress)).toEqual(['idle_timeout.timeout_seconds=120']);
    expect(ingress.metadata.annotations).not.toHaveProperty(
      'alb.ingress.kubernetes.io/wafv2-acl-arn',
    );
  });

  it('answers /metrics at the ALB with a fixed 404, before any route to a pod', () => {
    const ingress = ingressOf();
    const paths = ingress.spec?.rules?.[0]?.http?.paths ?? [];
    expect(paths[0]).toEqual({
      path: '/metrics',
      pathType: 'Prefix',
      backend: { service: { name: 'metrics-blocked', port: { name: 'use-annotation' } } },
    });
    const action = JSON.parse(
      ingress.metadata.annotations?.['alb.ingress.kubernetes.io/actions.metrics-blocked'] ?? '{}',
    ) as { type: string; fixedResponseConfig: { statusCode: string } };
    expect(action).toMatchObject({
      type: 'fixed-response',
      fixedResponseConfig: { statusCode: '404' },
    });
    expect(paths.filter((p) => p.backend.service?.port?.name === 'metrics')).toEqual([]);
  });

  it('refuses a WAF ARN that is not a regional web ACL and a bucket name S3 would refuse', () => {
    expect(
      renderError({
        values: ['production-values.yaml'],
        set: { 'ingress.wafAclArn': 'arn:aws:wafv2:us-east-1:111122223333:global/webacl/x/y' },
      }),
    ).toMatch(/wafAclArn/);
    expect(
      renderError({
        values: ['production-values.yaml'],
        set: { 'ingress.accessLogs.bucket': 'Bad_Bucket' },
      }),
    ).toMatch(/accessLogs\/bucket/);
  });
});
