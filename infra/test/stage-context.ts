// Test helper: a CDK context for both stages (what `-c` and cdk.json would give), read key by key
// as `stageConfig` reads it.

/** Context for both stages: staging's CIDRs as a list, production's as the comma-separated string `-c` gives. */
export const stageContext: Readonly<Record<string, unknown>> = {
  stage: 'staging',
  'tengen:githubRepository': 'acme/tengen-tetris',
  'tengen:staging:region': 'eu-west-1',
  'tengen:staging:host': 'staging.example.org',
  'tengen:staging:apiAllowedCidrs': ['203.0.113.0/24'],
  'tengen:production:apiAllowedCidrs': '203.0.113.7/32, 198.51.100.0/24',
  'tengen:production:region': 'us-east-1',
  'tengen:production:host': 'play.example.org',
};

/** A context reader over `stageContext` with `overrides` on top (an `undefined` value removes a key). */
export const contextReader =
  (overrides: Record<string, unknown> = {}) =>
  (key: string): unknown =>
    ({ ...stageContext, ...overrides })[key];
