import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');
type Step = { name?: string; run?: string; uses?: string };
const ci = parse(readFileSync(join(root, '.github', 'workflows', 'ci.yml'), 'utf8')) as {
  jobs: Record<string, { steps: Step[] }>;
};
const project = JSON.parse(readFileSync(join(root, 'docker', 'project.json'), 'utf8')) as {
  targets: Record<string, { command?: string }>;
};
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};

describe('the multi-arch image in CI', () => {
  it('ci.yml builds and smoke-tests the image for amd64 and for arm64 (emulated)', () => {
    const steps = Object.values(ci.jobs).flatMap((job) => job.steps);
    const image = steps.find((s) => /container-smoke-arm64/.test(s.run ?? ''));
    expect(image?.run).toMatch(/-t container-smoke container-smoke-arm64 -p image/);
    expect(image?.run).toContain('qemu-user-static');
  });

  it('the arm64 target smoke-tests the arm64 image, and the README test command runs it', () => {
    expect(project.targets['container-smoke-arm64']?.command).toBe(
      'node docker/scripts/smoke.ts --arch=arm64',
    );
    // The amd64 smoke runs beside the unit tests; the arm64 one (qemu) after the e2e run.
    expect(pkg.scripts['test']).toMatch(/-t lint typecheck test container-smoke /);
    expect(pkg.scripts['test']).toMatch(/-t e2e container-smoke-arm64 cluster /);
  });
});
