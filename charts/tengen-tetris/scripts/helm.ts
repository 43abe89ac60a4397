// `node charts/tengen-tetris/scripts/helm.ts <helm args>`: runs the workspace's helm binary, for Nx
// targets (package) and for anyone without helm installed.
import { spawnSync } from 'node:child_process';
import { ensureHelm, workspaceRoot } from './helm-binary.ts';

const result = spawnSync(ensureHelm(), process.argv.slice(2), {
  stdio: 'inherit',
  cwd: workspaceRoot,
});
process.exit(result.status ?? 1);
