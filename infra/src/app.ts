// Builds the CDK app of one stage: the platform stack, the optional app stack, and the cdk-nag
// AwsSolutions checks over both (synthesis fails on an unacknowledged finding).
import { App, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { AppStack, CHART_DIR } from './app-stack.ts';
import { PERMISSIONS_BOUNDARY_NAME } from './bootstrap/execution-policy-stack.ts';
import { appStackName, platformStackName, stageConfig, type StageConfig } from './config/stages.ts';
import { GITHUB_OIDC_STACK_NAME, GithubOidcStack } from './github-oidc-stack.ts';
import { PlatformStack } from './platform-stack.ts';

/** The app and its stacks. */
export interface TengenApp {
  app: App;
  config: StageConfig;
  platform: PlatformStack;
  appStack: AppStack;
  /** The account's GitHub OIDC provider stack, unless the provider exists outside this app. */
  githubOidc?: GithubOidcStack;
}

/** The chart's appVersion: the app stack's image tag unless `-c imageTag=<sha>` is given. */
export function chartAppVersion(): string {
  return String(
    (parse(readFileSync(join(CHART_DIR, 'Chart.yaml'), 'utf8')) as { appVersion: unknown })
      .appVersion,
  );
}

/** Creates the app; `context` is for tests (the CDK CLI passes cdk.json and -c values itself). */
export function createApp(
  options: { context?: Record<string, unknown>; outdir?: string } = {},
): TengenApp {
  const app = new App({ context: options.context, outdir: options.outdir });
  const config = stageConfig((key) => app.node.tryGetContext(key));
  const env = { account: process.env['CDK_DEFAULT_ACCOUNT'], region: config.region };
  const tags = { project: 'tengen-tetris', stage: config.stage };
  const githubOidc = config.githubOidcProviderArn
    ? undefined
    : new GithubOidcStack(app, GITHUB_OIDC_STACK_NAME, { env, tags: { project: 'tengen-tetris' } });
  const platform = new PlatformStack(app, platformStackName(config.stage), { env, config, tags });
  // `cdk deploy TengenTetris-<stage>` deploys the provider stack first (unchanged after the first time).
  if (githubOidc) platform.addStackDependency(githubOidc);
  const imageTag = String(app.node.tryGetContext('imageTag') ?? chartAppVersion());
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(imageTag) || imageTag === 'latest')
    throw new Error(`imageTag ${imageTag} is not an immutable tag`);
  const appStack = new AppStack(app, appStackName(config.stage), {
    env,
    config,
    platform,
    imageTag,
    tags,
  });
  // Every role the app creates carries the boundary the scoped bootstrap requires (bootstrap/).
  for (const stack of [platform, appStack, ...(githubOidc ? [githubOidc] : [])]) {
    iam.PermissionsBoundary.of(stack).apply(
      iam.ManagedPolicy.fromManagedPolicyName(
        stack,
        'PermissionsBoundary',
        PERMISSIONS_BOUNDARY_NAME,
      ),
    );
  }
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, config, platform, appStack, githubOidc };
}
