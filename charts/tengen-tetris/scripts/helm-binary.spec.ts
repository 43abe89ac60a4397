import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ensureHelm, ensureKubectl, KUBECTL_LAYER_PACKAGE } from './helm-binary.ts';

const run = (bin: string, args: string[]) => spawnSync(bin, args, { encoding: 'utf8' });

describe('the tools of the kubectl layer', () => {
  it('runs a static helm 4 from the layer', () => {
    const result = run(ensureHelm(), ['version', '--template', '{{.Version}}']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^v4\.\d+\.\d+/);
  });

  it('runs a kubectl of the minor the layer is named after', () => {
    const minor = /kubectl-v(\d+)$/.exec(KUBECTL_LAYER_PACKAGE)?.[1];
    const result = run(ensureKubectl(), ['version', '--client', '-o', 'json']);
    expect(result.status).toBe(0);
    const version = (
      JSON.parse(result.stdout) as { clientVersion: { major: string; minor: string } }
    ).clientVersion;
    expect(`${version.major}.${version.minor}`).toBe(`1.${minor}`);
  });
});
