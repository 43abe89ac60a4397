import baseConfig from '../eslint.config.mjs';

export default [
  ...baseConfig,
  // Extending the root config is how every project's ESLint config works, not a cross-project import.
  { files: ['eslint.config.mjs'], rules: { '@nx/enforce-module-boundaries': 'off' } },
];
