import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  // Extending the root config is how every project's ESLint config works, not a cross-project import.
  { files: ['eslint.config.mjs'], rules: { '@nx/enforce-module-boundaries': 'off' } },
  // noUncheckedIndexedAccess types every typed-array read as possibly undefined; the engine's
  // fixed-size tables and boards are indexed in range by construction, so `!` is the honest form.
  { files: ['**/*.ts'], rules: { '@typescript-eslint/no-non-null-assertion': 'off' } },
];
