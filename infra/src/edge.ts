// What protects and records the public load balancer (which the AWS Load Balancer Controller
// creates from the chart's Ingress): an S3 bucket for its access logs and a WAF web ACL with the
// AWS managed rule sets and a per-address rate rule. The chart attaches both by annotation.
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { Construct } from 'constructs';

/** Requests one client address may make in 5 minutes before the WAF blocks it for a while. */
export const WAF_RATE_LIMIT_PER_5_MIN = 2000;
/** AWS managed rule groups on the web ACL, in priority order. */
export const WAF_MANAGED_RULE_GROUPS = [
  'AWSManagedRulesAmazonIpReputationList',
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
] as const;
/** Key prefix of the ALB access logs in the bucket. */
export const ACCESS_LOG_PREFIX = 'alb';

/** The ALB's access-log bucket and WAF web ACL of one stage. */
export class EdgeProtection extends Construct {
  readonly logBucket: s3.Bucket;
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: { name: string }) {
    super(scope, id);
    const stack = Stack.of(this);
    this.logBucket = new s3.Bucket(this, 'AlbLogs', {
      // ALB log delivery supports SSE-S3 only.
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Older regions deliver from the regional ELB account, newer ones from the service principal.
    const elbAccount = RegionInfo.get(stack.region).elbv2Account;
    this.logBucket.addToResourcePolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutObject'],
        principals: [
          elbAccount
            ? new iam.AccountPrincipal(elbAccount)
            : new iam.ServicePrincipal('logdelivery.elasticloadbalancing.amazonaws.com'),
        ],
        resources: [
          this.logBucket.arnForObjects(`${ACCESS_LOG_PREFIX}/AWSLogs/${stack.account}/*`),
        ],
      }),
    );
    Validations.of(this.logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This bucket holds access logs itself; logging its own accesses would log the log writes.',
    });

    const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName,
    });
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name: `${props.name}-alb`,
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(`${props.name}-alb`),
      rules: [
        ...WAF_MANAGED_RULE_GROUPS.map((name, i) => ({
          name,
          priority: i,
          overrideAction: { none: {} },
          statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
          visibilityConfig: visibility(name),
        })),
        {
          name: 'RatePerAddress',
          priority: WAF_MANAGED_RULE_GROUPS.length,
          action: { block: {} },
          statement: {
            rateBasedStatement: { limit: WAF_RATE_LIMIT_PER_5_MIN, aggregateKeyType: 'IP' },
          },
          visibilityConfig: visibility('RatePerAddress'),
        },
      ],
    });
  }
}
