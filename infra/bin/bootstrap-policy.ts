// CDK entry point of the scoped bootstrap's policies (no bootstrap needed: no assets). Run once per
// account with administrator credentials, before `cdk bootstrap` (infra/README.md):
//   npx cdk deploy --app "node bin/bootstrap-policy.ts" -c stage=staging
import { App } from 'aws-cdk-lib';
import { stageConfig } from '../src/config/stages.ts';
import {
  EXECUTION_POLICY_STACK_NAME,
  ExecutionPolicyStack,
} from '../src/bootstrap/execution-policy-stack.ts';

const app = new App();
const config = stageConfig((key) => app.node.tryGetContext(key));
new ExecutionPolicyStack(app, EXECUTION_POLICY_STACK_NAME, {
  region: config.region,
  env: { account: process.env['CDK_DEFAULT_ACCOUNT'] },
  tags: { project: 'tengen-tetris' },
});
app.synth();
