import baseConfig, { moduleBoundaries } from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  // The one project that imports the client app's modules (`@tengen/client/...`): it tests them
  // against the real server, which the client itself must not depend on. Nx forbids importing an
  // app everywhere else; the tag matrix still applies to every other import here.
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { ...moduleBoundaries, allow: ['@tengen/client/**'] },
      ],
    },
  },
];
