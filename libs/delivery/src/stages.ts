/** The deployment stages: each has an infra stack, a chart values file and an image repository. */
export const STAGES = ['staging', 'production'] as const;
/** A deployment stage. */
export type Stage = (typeof STAGES)[number];

/**
 * Validates a stage name, naming where it came from (`--stage`, `context "stage"`) and how to give
 * it (`hint`) when it is not one of STAGES.
 */
export function parseStage(value: unknown, source = '--stage', hint = ''): Stage {
  const stage = STAGES.find((s) => s === value);
  if (!stage) {
    throw new Error(
      `${source} must be one of ${STAGES.join(', ')} (got ${JSON.stringify(value)})${hint}`,
    );
  }
  return stage;
}
