import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  formatSteps,
  imageTag,
  outputsFile,
  parseStage,
  readOutputs,
  shellQuote,
  stacksOf,
  STAGES,
} from './index.ts';

const scratch = mkdtempSync(join(tmpdir(), 'tengen-delivery-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('parseStage', () => {
  it('accepts only the known stages, naming the source and the hint when it refuses', () => {
    expect(STAGES).toEqual(['staging', 'production']);
    expect(parseStage('production')).toBe('production');
    expect(() => parseStage('prod')).toThrow(
      '--stage must be one of staging, production (got "prod")',
    );
    expect(() => parseStage(undefined, 'context "stage"', ': cdk synth -c stage=staging')).toThrow(
      'context "stage" must be one of staging, production (got undefined): cdk synth -c stage=staging',
    );
    expect(() => parseStage('Staging')).toThrow(/got "Staging"/);
  });
});

describe('stack outputs', () => {
  it('lives where infra:deploy writes it and the image and chart deploys read it', () => {
    expect(outputsFile('staging')).toBe('dist/infra/outputs-staging.json');
  });

  it('lists the stacks of an outputs document, and refuses what is not one', () => {
    expect(stacksOf({ A: { X: '1' }, B: null })).toEqual([
      ['A', { X: '1' }],
      ['B', {}],
    ]);
    for (const bad of ['nope', null, 3, ['A']])
      expect(() => stacksOf(bad)).toThrow('outputs file is not a JSON object');
  });

  it('reads the file; without one a dry run gets null and a real run is told what to run first', () => {
    const file = join(scratch, 'outputs.json');
    writeFileSync(file, '{"S":{"ClusterName":"c"}}');
    expect(readOutputs(file, 'staging', false)).toEqual({ S: { ClusterName: 'c' } });
    const missing = join(scratch, 'none.json');
    expect(readOutputs(missing, 'staging', true)).toBeNull();
    expect(() => readOutputs(missing, 'production', false)).toThrow(
      `${missing} not found: run infra:deploy for production first`,
    );
    writeFileSync(file, '{"S":');
    expect(() => readOutputs(file, 'staging', true)).toThrow(SyntaxError);
  });
});

describe('plan steps', () => {
  it('prints each step numbered with the exact command, quoting what a shell would split', () => {
    expect(shellQuote('--name')).toBe('--name');
    expect(shellQuote('<x>')).toBe("'<x>'");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    const text = formatSteps(
      [
        { description: 'log in', command: ['docker', 'login'], stdinFrom: ['aws', 'ecr', 'pw'] },
        { description: 'push', command: ['docker', 'push', 'a b'] },
      ],
      '  ',
    );
    expect(text).toBe(
      "  1. log in\n     $ aws ecr pw | docker login\n  2. push\n     $ docker push 'a b'",
    );
  });

  it('tags the image with IMAGE_TAG, else the checkout revision; outside git only a dry run goes on', () => {
    expect(imageTag(scratch, false, { IMAGE_TAG: 'feedbeef' })).toBe('feedbeef');
    const repo = join(import.meta.dirname, '..', '..', '..');
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
    expect(imageTag(repo, false, {})).toBe(head);
    expect(imageTag(scratch, true, {})).toBe('git-sha-unavailable');
    expect(() => imageTag(scratch, false, {})).toThrow(/set IMAGE_TAG/);
  });
});
