// Promotion by digest across stages: production's deploy job copies the digest staging tested from
// the staging repository (docker/scripts/registry.ts `promote`). Production's deploy role may pull
// from that one repository; the staging repository lets the production account pull (needed when
// the stages are separate accounts; in one account the role's own grant suffices). Read-only: no
// stage can push into the other's repository.
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Stage } from './config/stages.ts';
import { contextList } from './config/context-list.ts';

/** What a pull (and skopeo's digest lookup) needs on a repository. */
export const PULL_ACTIONS = [
  'ecr:BatchGetImage',
  'ecr:GetDownloadUrlForLayer',
  'ecr:BatchCheckLayerAvailability',
  'ecr:DescribeImages',
] as const;

/** The promotion settings of one stage, from CDK context. */
export interface PromotionConfig {
  /** `tengen:production:promoteFromRepositoryArn`: the staging repository production copies from. */
  sourceRepositoryArn?: string;
  /** `tengen:staging:promotionAccounts`: accounts (production's) that may pull from this stage. */
  pullerAccounts: string[];
}

const REPOSITORY_ARN = /^arn:aws[a-z-]*:ecr:[a-z0-9-]+:\d{12}:repository\/[a-z0-9._/-]+$/;

/** Reads and checks the promotion context of a stage; errors name the context key. */
export function promotionConfig(read: (key: string) => unknown, stage: Stage): PromotionConfig {
  const arnKey = `tengen:${stage}:promoteFromRepositoryArn`;
  const accountsKey = `tengen:${stage}:promotionAccounts`;
  const arn = read(arnKey);
  if (arn !== undefined && (typeof arn !== 'string' || !REPOSITORY_ARN.test(arn))) {
    throw new Error(`${arnKey} must be an ECR repository ARN (got ${JSON.stringify(arn)})`);
  }
  const raw = read(accountsKey) ?? [];
  const accounts = contextList(raw);
  if (!accounts || !accounts.every((a) => /^\d{12}$/.test(a))) {
    throw new Error(
      `${accountsKey} must list 12-digit AWS account ids (got ${JSON.stringify(raw)})`,
    );
  }
  return { ...(arn ? { sourceRepositoryArn: arn as string } : {}), pullerAccounts: accounts };
}

/** Grants what promotion needs on this stage's repository and deploy role. */
export function grantPromotion(
  repository: ecr.Repository,
  deployRole: iam.Role,
  config: PromotionConfig,
): void {
  if (config.sourceRepositoryArn) {
    deployRole.addToPolicy(
      new iam.PolicyStatement({
        sid: 'PullTheStagingTestedImage',
        actions: [...PULL_ACTIONS],
        resources: [config.sourceRepositoryArn],
      }),
    );
  }
  if (config.pullerAccounts.length > 0) {
    repository.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'PromotionPull',
        principals: config.pullerAccounts.map((account) => new iam.AccountPrincipal(account)),
        actions: [...PULL_ACTIONS],
      }),
    );
  }
}
