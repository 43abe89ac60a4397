// CLI: re-run a replay file and print its summary as one line of JSON.
// Usage: node --conditions=@tengen/source libs/engine/bin/replay.ts FILE
import { readFileSync } from 'node:fs';
import { parseReplay, runReplay } from '../src/index.ts';

function fail(message: string): never {
  process.stderr.write(`replay: ${message}\n`);
  process.exit(1);
}

const [file, ...extra] = process.argv.slice(2);
if (file === undefined || extra.length > 0) fail('usage: replay FILE');
let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (err) {
  fail(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
}
let json: unknown;
try {
  json = JSON.parse(text);
} catch {
  fail(`${file} is not valid JSON`);
}
let summary;
try {
  summary = runReplay(parseReplay(json));
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
const { score, lines, level, frames, topOut, pieces } = summary;
process.stdout.write(`${JSON.stringify({ score, lines, level, frames, topOut, pieces })}\n`);
