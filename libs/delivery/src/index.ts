// What the three deploy targets (infra, image, chart) share: the stages, the stack outputs file
// that connects them, and plan steps printed by the dry run exactly as a real run executes them.
export { parseStage, STAGES, type Stage } from './stages.ts';
export { outputsFile, readOutputs, stacksOf } from './stack-outputs.ts';
export { formatSteps, imageTag, shellQuote, type PlanStep } from './plan-steps.ts';
