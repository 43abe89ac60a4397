import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadGoldenFixtures } from '../src/fixtures/load-fixtures.ts';
import { parseReplay, runReplay } from '../src/index.ts';

const cli = fileURLToPath(new URL('./replay.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'replay-cli-'));

let files = 0;

function replayCli(content: string | null): {
  code: number | null;
  stdout: string;
  stderr: string;
} {
  const file = join(dir, `replay-${files++}.json`);
  if (content !== null) writeFileSync(file, content);
  const r = spawnSync(process.execPath, ['--conditions=@tengen/source', cli, file], {
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('replay CLI (bin/replay.ts)', () => {
  it('prints one line of JSON with the summary keys in order', () => {
    const fixture = loadGoldenFixtures().find((f) => f.name.startsWith('level-19'))!;
    const r = replayCli(JSON.stringify(fixture.replay));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${JSON.stringify(fixture.summary)}\n`);
    expect(Object.keys(JSON.parse(r.stdout) as object)).toEqual([
      'score',
      'lines',
      'level',
      'frames',
      'topOut',
      'pieces',
    ]);
  });

  it('scores a v1 and a v2 replay each under its own rules', () => {
    const fixture = loadGoldenFixtures().find((f) => f.name.startsWith('v2-level-18'))!;
    const replay = fixture.replay as { version: number };
    expect(replay.version).toBe(2);
    const v2 = replayCli(JSON.stringify(replay));
    expect(v2.stdout).toBe(`${JSON.stringify(fixture.summary)}\n`);
    // The same inputs under version 1 (no lost frames) give another game.
    const v1 = replayCli(JSON.stringify({ ...replay, version: 1 }));
    expect(v1.code).toBe(0);
    expect(v1.stdout).toBe(
      `${JSON.stringify(runReplay(parseReplay({ ...replay, version: 1 })))}\n`,
    );
    expect(v1.stdout).not.toBe(v2.stdout);
    const v3 = replayCli(JSON.stringify({ ...replay, version: 3 }));
    expect(v3.code).toBe(1);
    expect(v3.stderr).toBe('replay: unsupported replay version 3: expected 1 or 2\n');
  });

  it.each([
    ['a missing file', null, /^replay: cannot read .*: ENOENT\n$/],
    ['not JSON', '{"version":1,', /^replay: .* is not valid JSON\n$/],
    [
      'a bad seed',
      '{"version":1,"seed":"0000","startLevel":0,"inputs":[]}',
      /^replay: bad seed "0000": must be 4 hex digits, not 0000/,
    ],
    [
      'a bad level',
      '{"version":1,"seed":"8988","startLevel":42,"inputs":[]}',
      /^replay: bad startLevel 42/,
    ],
    [
      'unknown bits',
      '{"version":1,"seed":"8988","startLevel":0,"inputs":[[3,64]]}',
      /^replay: bad inputs\[0\]: unknown button bits/,
    ],
  ])('fails with exit 1 and one line on stderr for %s', (_name, content, message) => {
    const r = replayCli(content);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
