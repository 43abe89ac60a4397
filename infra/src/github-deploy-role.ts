// The role GitHub Actions assumes through OIDC to deploy one stage. The trust is limited to this
// repository's workflow jobs that run in the GitHub environment named after the stage (the `sub`
// claim of such a job is `repo:<owner>/<name>:environment:<stage>`); environment protection rules
// (main only for staging, tags and reviewers for production) decide which jobs get there. The
// provider itself belongs to the account (github-oidc-stack.ts), never to a stage.
import { DefaultStackSynthesizer, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { GITHUB_OIDC_HOST } from './github-oidc-stack.ts';

/** Props of the deploy role. */
export interface GithubDeployRoleProps {
  repository: string;
  environment: string;
  /** ARN of the account's GitHub OIDC provider. */
  providerArn: string;
}

/** The CDK bootstrap roles a deploy needs: CloudFormation deploy and asset publishing, no lookups. */
export const BOOTSTRAP_ROLES = ['deploy', 'file-publishing', 'image-publishing'] as const;

/** The deploy role trusted by the account's GitHub provider. */
export class GithubDeployRole extends Construct {
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: GithubDeployRoleProps) {
    super(scope, id);
    this.role = new iam.Role(this, 'Role', {
      description: `GitHub Actions deploys of ${props.repository} to ${props.environment}`,
      assumedBy: new iam.WebIdentityPrincipal(props.providerArn, {
        StringEquals: {
          [`${GITHUB_OIDC_HOST}:aud`]: 'sts.amazonaws.com',
          [`${GITHUB_OIDC_HOST}:sub`]: `repo:${props.repository}:environment:${props.environment}`,
        },
      }),
    });
    // `cdk deploy` works through the CDK bootstrap roles; the deploy role may assume exactly the
    // three a deploy uses, by name (not the lookup role, not another qualifier's roles).
    const stack = Stack.of(this);
    const qualifier = DefaultStackSynthesizer.DEFAULT_QUALIFIER;
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['sts:AssumeRole'],
        resources: BOOTSTRAP_ROLES.map(
          (role) =>
            `arn:${stack.partition}:iam::${stack.account}:role/cdk-${qualifier}-${role}-role-${stack.account}-${stack.region}`,
        ),
      }),
    );
  }
}
