import { describe, expect, it } from 'vitest';
import { STAGES } from '../src/config/stages.ts';
import { WAF_MANAGED_RULE_GROUPS, WAF_RATE_LIMIT_PER_5_MIN } from '../src/edge.ts';
import { synthStage } from './synth.ts';

type Resource = { Properties: Record<string, unknown>; DeletionPolicy?: string };

describe.each(STAGES)('ALB hardening (%s)', (stage) => {
  const { platformTemplate: template } = synthStage(stage);
  const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
  const chartValues = JSON.stringify(outputs['ChartValues']?.Value);
  const [aclId, acl] = Object.entries(template.findResources('AWS::WAFv2::WebACL'))[0] as [
    string,
    Resource,
  ];

  it('puts a regional WAF web ACL with the AWS managed rule sets and a rate rule in front of the ALB', () => {
    expect(acl.Properties).toMatchObject({ Scope: 'REGIONAL', DefaultAction: { Allow: {} } });
    const rules = acl.Properties['Rules'] as {
      Name: string;
      Statement: Record<
        string,
        { Name?: string; VendorName?: string; Limit?: number; AggregateKeyType?: string }
      >;
      Action?: unknown;
    }[];
    expect(
      rules.map((r) => r.Statement['ManagedRuleGroupStatement']?.Name).filter(Boolean),
    ).toEqual([...WAF_MANAGED_RULE_GROUPS]);
    const rate = rules.find((r) => r.Statement['RateBasedStatement']);
    expect(rate?.Statement['RateBasedStatement']).toEqual({
      Limit: WAF_RATE_LIMIT_PER_5_MIN,
      AggregateKeyType: 'IP',
    });
    expect(rate?.Action).toEqual({ Block: {} });
    // The chart attaches it (alb.ingress.kubernetes.io/wafv2-acl-arn) from the ChartValues output.
    expect(chartValues).toContain(aclId);
  });

  it('keeps ALB access logs in a private, encrypted, TLS-only bucket the ELB service may write', () => {
    const [bucketId, bucket] = Object.entries(template.findResources('AWS::S3::Bucket'))[0] as [
      string,
      Resource,
    ];
    expect(bucket.Properties).toMatchObject({
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
        ],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    const policy = JSON.stringify(
      Object.values(template.findResources('AWS::S3::BucketPolicy'))[0],
    );
    expect(policy).toContain('"aws:SecureTransport":"false"');
    expect(policy).toContain(':iam::156460612806:root'); // the eu-west-1 ELB log delivery account
    expect(policy).toContain('/alb/AWSLogs/');
    expect(chartValues).toContain(bucketId);
  });

  it(`turns on ALB deletion protection ${stage === 'production' ? 'in production' : 'only in production'}`, () => {
    expect(chartValues).toContain(`\\"deletionProtection\\":${String(stage === 'production')}`);
  });
});
