import baseConfig from '../../eslint.config.mjs';

// Specs and their support may use the test kit (a real PostgreSQL for the store suite); the
// library's own code may not.
const boundaries = baseConfig.find((c) => c.rules?.['@nx/enforce-module-boundaries'])?.rules[
  '@nx/enforce-module-boundaries'
];
const [level, options] = boundaries;
const testConstraints = options.depConstraints.map((c) =>
  c.sourceTag === 'type:lib'
    ? { ...c, onlyDependOnLibsWithTags: [...c.onlyDependOnLibsWithTags, 'type:testing'] }
    : c,
);

export default [
  ...baseConfig,
  // drizzle-orm's values come through src/drizzle.ts (its CommonJS build; why is written there).
  {
    files: ['src/**/*.ts'],
    ignores: ['src/drizzle.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['drizzle-orm', 'drizzle-orm/*'],
              allowTypeImports: true,
              message: "take drizzle-orm's values from src/drizzle.ts (its CommonJS build)",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.spec.ts', 'src/testing/**/*.ts', 'src/fixtures/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [level, { ...options, depConstraints: testConstraints }],
    },
  },
];
