import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  // The selective Phaser build imports Phaser's sources through a Vite alias (build/phaser-lite-plugin.ts).
  { files: ['src/vendor/phaser-lite.js'], rules: { '@nx/enforce-module-boundaries': 'off' } },
];
