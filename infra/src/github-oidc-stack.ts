// The account's GitHub Actions OIDC provider, in a stack of its own. IAM allows one provider per
// issuer per account, so no stage stack may own it: both stages (in one account or two) trust it by
// its ARN, which is fixed by the issuer, and deleting a stage never deletes it.
import { Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/** The GitHub Actions OIDC issuer. */
export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';

/** Name of the account-level stack that owns the provider. */
export const GITHUB_OIDC_STACK_NAME = 'TengenTetris-github-oidc';

/** ARN of the account's GitHub provider: fixed by the issuer, so no export or lookup is needed. */
export function githubOidcProviderArn(scope: Construct): string {
  const stack = Stack.of(scope);
  return `arn:${stack.partition}:iam::${stack.account}:oidc-provider/${GITHUB_OIDC_HOST}`;
}

/** Creates the provider once per account (deployed before the stage stacks that trust it). */
export class GithubOidcStack extends Stack {
  readonly provider: iam.OidcProviderNative;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.provider = new iam.OidcProviderNative(this, 'Provider', {
      url: `https://${GITHUB_OIDC_HOST}`,
      clientIds: ['sts.amazonaws.com'],
    });
  }
}
