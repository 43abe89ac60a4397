// The scoped CDK bootstrap: what CloudFormation may do when it deploys this app, and the boundary
// every role the app creates carries. Deployed once per account and region, before `cdk bootstrap`
// (see infra/README.md, "Scoped bootstrap"), from its own CDK app (bin/bootstrap-policy.ts) with a
// synthesizer that needs no bootstrap. The default bootstrap gives CloudFormation
// AdministratorAccess, so anyone who may deploy could do anything in the account; with these,
// the deploy role can only create and change the kinds of resources this app is made of, and no
// role it creates can do more than the boundary allows.
import { BootstraplessSynthesizer, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/** Name of the managed policy given to `cdk bootstrap --cloudformation-execution-policies`. */
export const EXECUTION_POLICY_NAME = 'tengen-tetris-cdk-execution';
/** Name of the permissions boundary of every role the app's stacks create. */
export const PERMISSIONS_BOUNDARY_NAME = 'tengen-tetris-permissions-boundary';
/** Name of the stack that holds both. */
export const EXECUTION_POLICY_STACK_NAME = 'TengenTetris-cdk-execution';
/** Prefix of every IAM role and policy the app's stacks create (CDK names them after the stack). */
export const APP_IAM_PREFIX = 'TengenTetris-';

/**
 * The AWS services the app's stacks create resources in (CloudFormation resource type prefix to
 * IAM service prefix). The test checks every resource type of both stages is covered.
 */
export const APP_SERVICES: Record<string, string> = {
  'AWS::EC2': 'ec2',
  'AWS::EKS': 'eks',
  'AWS::ElastiCache': 'elasticache',
  'AWS::EFS': 'elasticfilesystem',
  'AWS::ECR': 'ecr',
  'AWS::KMS': 'kms',
  'AWS::Logs': 'logs',
  'AWS::Lambda': 'lambda',
  'AWS::SQS': 'sqs',
  'AWS::Events': 'events',
  'AWS::SecretsManager': 'secretsmanager',
  'AWS::WAFv2': 'wafv2',
  'AWS::S3': 's3',
  'AWS::SSM': 'ssm',
};

/** Props of the stack. */
export interface ExecutionPolicyStackProps extends StackProps {
  /** Region the app deploys to: the execution policy allows no other. */
  region: string;
}

/** The CloudFormation execution policy and the roles' permissions boundary, for one account. */
export class ExecutionPolicyStack extends Stack {
  readonly executionPolicy: iam.ManagedPolicy;
  readonly boundary: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: ExecutionPolicyStackProps) {
    super(scope, id, {
      ...props,
      env: { account: props.env?.account, region: props.region },
      synthesizer: new BootstraplessSynthesizer(),
    });
    const account = this.account;
    const p = this.partition;
    const boundaryArn = `arn:${p}:iam::${account}:policy/${PERMISSIONS_BOUNDARY_NAME}`;
    const appRoles = `arn:${p}:iam::${account}:role/${APP_IAM_PREFIX}*`;
    const appPolicies = `arn:${p}:iam::${account}:policy/${APP_IAM_PREFIX}*`;
    const withBoundary = { StringEquals: { 'iam:PermissionsBoundary': boundaryArn } };

    this.boundary = new iam.ManagedPolicy(this, 'PermissionsBoundary', {
      managedPolicyName: PERMISSIONS_BOUNDARY_NAME,
      description:
        'Boundary of every role Tengen Tetris creates: no IAM users or keys, no escape from this boundary',
      statements: [
        // The workload roles (EKS, nodes, controllers, Lambda handlers) need what AWS's managed
        // policies for them grant; the boundary takes away escalation, not their work.
        new iam.PolicyStatement({ sid: 'AllowWorkloads', actions: ['*'], resources: ['*'] }),
        ...escalationDenials(boundaryArn, appRoles),
      ],
    });

    this.executionPolicy = new iam.ManagedPolicy(this, 'ExecutionPolicy', {
      managedPolicyName: EXECUTION_POLICY_NAME,
      description:
        'What CloudFormation may do when it deploys Tengen Tetris (cdk bootstrap --cloudformation-execution-policies)',
      statements: [
        new iam.PolicyStatement({
          sid: 'AppServicesInTheAppRegion',
          actions: [...new Set(Object.values(APP_SERVICES))].map((service) => `${service}:*`),
          resources: ['*'],
          conditions: { StringEquals: { 'aws:RequestedRegion': props.region } },
        }),
        new iam.PolicyStatement({
          sid: 'CreateAppRolesOnlyWithTheBoundary',
          actions: [
            'iam:CreateRole',
            'iam:PutRolePolicy',
            'iam:AttachRolePolicy',
            'iam:DetachRolePolicy',
            'iam:DeleteRolePolicy',
            'iam:PutRolePermissionsBoundary',
          ],
          resources: [appRoles],
          conditions: withBoundary,
        }),
        new iam.PolicyStatement({
          sid: 'ManageAppRolesAndPolicies',
          actions: [
            'iam:GetRole',
            'iam:GetRolePolicy',
            'iam:ListRolePolicies',
            'iam:ListAttachedRolePolicies',
            'iam:TagRole',
            'iam:UntagRole',
            'iam:UpdateRole',
            'iam:UpdateAssumeRolePolicy',
            'iam:DeleteRole',
            'iam:PassRole',
            'iam:CreatePolicy',
            'iam:CreatePolicyVersion',
            'iam:DeletePolicy',
            'iam:DeletePolicyVersion',
            'iam:GetPolicy',
            'iam:GetPolicyVersion',
            'iam:ListPolicyVersions',
            'iam:TagPolicy',
            'iam:UntagPolicy',
          ],
          resources: [appRoles, appPolicies],
        }),
        new iam.PolicyStatement({
          sid: 'OidcProvidersOfGithubAndTheClusters',
          actions: [
            'iam:CreateOpenIDConnectProvider',
            'iam:DeleteOpenIDConnectProvider',
            'iam:GetOpenIDConnectProvider',
            'iam:TagOpenIDConnectProvider',
            'iam:UpdateOpenIDConnectProviderThumbprint',
            'iam:AddClientIDToOpenIDConnectProvider',
          ],
          resources: [
            `arn:${p}:iam::${account}:oidc-provider/token.actions.githubusercontent.com`,
            `arn:${p}:iam::${account}:oidc-provider/oidc.eks.${props.region}.amazonaws.com/id/*`,
          ],
        }),
        new iam.PolicyStatement({
          sid: 'ServiceLinkedRolesOfTheAppServices',
          actions: ['iam:CreateServiceLinkedRole'],
          resources: ['*'],
          conditions: {
            StringEquals: {
              'iam:AWSServiceName': [
                'eks.amazonaws.com',
                'eks-nodegroup.amazonaws.com',
                'elasticache.amazonaws.com',
                'elasticfilesystem.amazonaws.com',
                'elasticloadbalancing.amazonaws.com',
                'spot.amazonaws.com',
              ],
            },
          },
        }),
        new iam.PolicyStatement({
          sid: 'ReadBootstrapVersion',
          actions: ['ssm:GetParameter', 'ssm:GetParameters'],
          resources: [`arn:${p}:ssm:*:${account}:parameter/cdk-bootstrap/*`],
        }),
        ...escalationDenials(boundaryArn, appRoles),
      ],
    });
    this.acknowledgeFindings(props.region);
  }

  /** The wildcards cdk-nag reports, each the point of a policy of this kind. */
  private acknowledgeFindings(region: string): void {
    const wildcard = (resource: string) =>
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:${resource}]`;
    for (const id of ['AwsSolutions-IAM5[Action::*]', 'AwsSolutions-IAM5[Resource::*]'])
      Validations.of(this.boundary).acknowledge({
        id,
        reason:
          'A permissions boundary is a ceiling, not a grant: it allows what the roles own policies grant and denies escalation (IAM users and keys, roles without this boundary, changes to these guards).',
      });
    const ids = [
      ...[...new Set(Object.values(APP_SERVICES))].map((s) => `AwsSolutions-IAM5[Action::${s}:*]`),
      'AwsSolutions-IAM5[Resource::*]',
      wildcard(`iam::<AWS::AccountId>:role/${APP_IAM_PREFIX}*`),
      wildcard(`iam::<AWS::AccountId>:policy/${APP_IAM_PREFIX}*`),
      wildcard(`iam::<AWS::AccountId>:oidc-provider/oidc.eks.${region}.amazonaws.com/id/*`),
      wildcard('ssm:*:<AWS::AccountId>:parameter/cdk-bootstrap/*'),
    ];
    for (const id of ids)
      Validations.of(this.executionPolicy).acknowledge({
        id,
        reason:
          "CloudFormation creates, updates and deletes the app's resources of these services, whose ARNs do not exist before it creates them; limited to the app's region, IAM only under the app's name prefix and with the boundary, service-linked roles only of the app's services.",
      });
  }
}

/**
 * What neither CloudFormation nor any app role may do, whatever else allows it: make IAM users or
 * keys, create or change a role without the boundary, change the boundary or this policy, or
 * take a role's boundary away.
 */
function escalationDenials(boundaryArn: string, appRoles: string): iam.PolicyStatement[] {
  const policyArns = [
    boundaryArn,
    boundaryArn.replace(PERMISSIONS_BOUNDARY_NAME, EXECUTION_POLICY_NAME),
  ];
  return [
    new iam.PolicyStatement({
      sid: 'DenyIamUsersAndKeys',
      effect: iam.Effect.DENY,
      actions: [
        'iam:CreateUser',
        'iam:CreateAccessKey',
        'iam:CreateLoginProfile',
        'iam:UpdateLoginProfile',
        'iam:AttachUserPolicy',
        'iam:PutUserPolicy',
        'iam:AddUserToGroup',
      ],
      resources: ['*'],
    }),
    new iam.PolicyStatement({
      sid: 'DenyRolesWithoutTheBoundary',
      effect: iam.Effect.DENY,
      actions: [
        'iam:CreateRole',
        'iam:PutRolePolicy',
        'iam:AttachRolePolicy',
        'iam:PutRolePermissionsBoundary',
      ],
      resources: ['*'],
      conditions: { StringNotEquals: { 'iam:PermissionsBoundary': boundaryArn } },
    }),
    new iam.PolicyStatement({
      sid: 'DenyChangingTheseGuards',
      effect: iam.Effect.DENY,
      actions: [
        'iam:CreatePolicyVersion',
        'iam:DeletePolicy',
        'iam:DeletePolicyVersion',
        'iam:SetDefaultPolicyVersion',
      ],
      resources: policyArns,
    }),
    new iam.PolicyStatement({
      sid: 'DenyRemovingBoundaries',
      effect: iam.Effect.DENY,
      actions: ['iam:DeleteRolePermissionsBoundary'],
      resources: [appRoles],
    }),
  ];
}
