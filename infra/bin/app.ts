// CDK entry point: `cdk synth -c stage=staging` (run from infra/, see project.json targets).
import { createApp } from '../src/app.ts';

createApp().app.synth();
