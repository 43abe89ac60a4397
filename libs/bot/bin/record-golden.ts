// Regenerates the engine's golden replay fixtures from bot games.
// Usage: node --conditions=@tengen/source libs/bot/bin/record-golden.ts
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { playGame } from '../src/index.ts';
import { GOLDEN_GAMES } from './golden-games.ts';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '../../engine/src/fixtures');

for (const game of GOLDEN_GAMES) {
  const { name, ...opts } = game;
  const { replay, summary } = playGame(opts);
  // One run per line keeps diffs readable.
  const inputs = replay.inputs.map((run) => JSON.stringify(run)).join(',\n    ');
  const { inputs: _omit, ...header } = replay;
  const text =
    `{\n  "name": ${JSON.stringify(name)},\n  "summary": ${JSON.stringify(summary)},\n` +
    `  "replay": ${JSON.stringify(header).slice(0, -1)}, "inputs": [\n    ${inputs}\n  ]}\n}\n`;
  writeFileSync(join(outDir, `${name}.json`), text);
  console.log(`${name}: ${JSON.stringify({ ...summary, pieces: summary.pieces.length })}`);
}
