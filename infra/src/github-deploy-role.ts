// The role GitHub Actions assumes through OIDC to deploy one stage. The trust is limited to this
// repository's workflow jobs that run in the GitHub environment named after the stage (the `sub`
// claim of such a job is `repo:<owner>/<name>:environment:<stage>`); environment protection rules
// (main only for staging, tags and reviewers for production) decide which jobs get there.
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/** The GitHub Actions OIDC issuer. */
export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';

/** Props of the deploy role. */
export interface GithubDeployRoleProps {
  repository: string;
  environment: string;
  /** Existing provider ARN; empty creates the account's provider in this stack. */
  existingProviderArn: string;
}

/** OIDC provider (or a reference to it) and the deploy role trusted by it. */
export class GithubDeployRole extends Construct {
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: GithubDeployRoleProps) {
    super(scope, id);
    const provider = props.existingProviderArn
      ? iam.OidcProviderNative.fromOidcProviderArn(this, 'Provider', props.existingProviderArn)
      : new iam.OidcProviderNative(this, 'Provider', {
          url: `https://${GITHUB_OIDC_HOST}`,
          clientIds: ['sts.amazonaws.com'],
        });
    this.role = new iam.Role(this, 'Role', {
      description: `GitHub Actions deploys of ${props.repository} to ${props.environment}`,
      assumedBy: new iam.WebIdentityPrincipal(provider.oidcProviderArn, {
        StringEquals: {
          [`${GITHUB_OIDC_HOST}:aud`]: 'sts.amazonaws.com',
          [`${GITHUB_OIDC_HOST}:sub`]: `repo:${props.repository}:environment:${props.environment}`,
        },
      }),
    });
    // `cdk deploy` works through the CDK bootstrap roles; the deploy role only needs to assume them.
    const stack = Stack.of(this);
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['sts:AssumeRole'],
        resources: [
          `arn:${stack.partition}:iam::${stack.account}:role/cdk-hnb659fds-*-${stack.account}-${stack.region}`,
        ],
      }),
    );
  }
}
