// Root ESLint flat config: TypeScript rules, Prettier compatibility, and the Nx module-boundary matrix
// (exported as `moduleBoundaries` for a project that must extend it, e.g. apps/client-integration).
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

/** The Nx module-boundary options: the tag matrix every project is checked against. */
export const moduleBoundaries = {
  enforceBuildableLibDependency: true,
  banTransitiveDependencies: true,
  allow: [],
  depConstraints: [
    // The engine is pure: it may depend on no other project.
    { sourceTag: 'type:engine', onlyDependOnLibsWithTags: ['type:none'] },
    { sourceTag: 'type:engine-tooling', onlyDependOnLibsWithTags: ['type:engine'] },
    { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:engine', 'type:lib'] },
    // Test players and load generators: they drive a game over the wire like a browser.
    {
      sourceTag: 'type:testing',
      onlyDependOnLibsWithTags: ['type:engine', 'type:engine-tooling', 'type:lib'],
    },
    {
      sourceTag: 'type:app',
      onlyDependOnLibsWithTags: ['type:engine', 'type:engine-tooling', 'type:lib', 'type:testing'],
    },
    // Tests of an app against the real server, in node. `apps/client-integration` also imports the
    // client's modules, allowed in its own eslint.config.mjs (Nx forbids importing an app elsewhere).
    {
      sourceTag: 'type:integration',
      onlyDependOnLibsWithTags: ['type:engine', 'type:engine-tooling', 'type:lib', 'type:testing'],
    },
    {
      sourceTag: 'type:e2e',
      onlyDependOnLibsWithTags: ['type:engine', 'type:engine-tooling', 'type:lib', 'type:testing'],
    },
    // What the deploy projects share (stages, stack outputs, plan steps): it imports no project.
    { sourceTag: 'type:deploy-lib', onlyDependOnLibsWithTags: ['type:none'] },
    // Delivery projects import the test player (the image smoke test plays a game) and what they share.
    { sourceTag: 'type:deploy', onlyDependOnLibsWithTags: ['type:testing', 'type:deploy-lib'] },
    { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
    {
      sourceTag: 'scope:server',
      onlyDependOnLibsWithTags: ['scope:shared', 'scope:server'],
    },
    {
      sourceTag: 'scope:client',
      onlyDependOnLibsWithTags: ['scope:shared', 'scope:client'],
    },
    { sourceTag: 'scope:delivery', onlyDependOnLibsWithTags: ['scope:shared', 'scope:delivery'] },
  ],
};

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  prettier,
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/out-tsc',
      '**/cdk.out',
      '**/.nx',
      '**/vite.config.*.timestamp*',
    ],
  },
  {
    files: ['**/*.ts', '**/*.mts', '**/*.js', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries],
    },
  },
  {
    files: ['**/*.ts', '**/*.mts'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // noUncheckedIndexedAccess types every indexed read as possibly undefined; where an index is in
      // range by construction (fixed boards, tables, parsed argv), `!` is the honest form.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // Each project's eslint.config.mjs extends this file by path: that is configuration, not a
  // cross-project import.
  { files: ['**/eslint.config.mjs'], rules: { '@nx/enforce-module-boundaries': 'off' } },
];
