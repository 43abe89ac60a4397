/**
 * Image smoke test: builds the real Dockerfile for one architecture (on this machine from a local
 * Debian bookworm + Node 24 base, since no registry can be pulled from), runs the image, checks
 * /healthz, /readyz and /api/scores, plays one bot game through it over a real WebSocket, stops it
 * with SIGTERM (expecting exit code 0 after the drain) and prints the image size.
 * `--arch arm64` on an amd64 machine runs the arm64 image under qemu user-mode emulation
 * (run-emulated.ts) with buildah, or `docker run --platform` where a daemon has binfmt handlers.
 * Usage: node docker/scripts/smoke.ts [--arch amd64|arm64]
 */
import { parseArgs } from 'node:util';
import { freePort, playSmokeGame } from '@tengen/test-kit';
import { buildImage, localBases } from './container.ts';
import { hostArch, parseArch, type Arch } from './platforms.ts';
import { runContainer, type RunningContainer } from './run-container.ts';
import { runEmulated } from './run-emulated.ts';
import { buildahOut, capture, hasDockerDaemon } from './tools.ts';

const { values } = parseArgs({ options: { arch: { type: 'string' } } });
const ARCH: Arch = values.arch === undefined ? hostArch() : parseArch(values.arch);
const TAG = `localhost/tengen-tetris:smoke-${ARCH}`;
/** An emulated server answers more slowly: the first answer may take this long. */
const START_SECONDS = ARCH === hostArch() ? 60 : 180;

async function waitForStatus(url: string, status: number, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.status === status) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer ${status} within ${seconds} s (last: ${last})`);
}

function imageSize(builder: 'docker' | 'buildah'): string {
  if (builder === 'docker') {
    const bytes = Number(capture('docker', ['image', 'inspect', '--format', '{{.Size}}', TAG]));
    return `${(bytes / 1e6).toFixed(0)} MB`;
  }
  return buildahOut(['images', '--format', '{{.Size}}', TAG]);
}

async function main(): Promise<void> {
  const builder = hasDockerDaemon() ? 'docker' : 'buildah';
  const started = Date.now();
  const bases = builder === 'buildah' ? localBases([...new Set([hostArch(), ARCH])]) : undefined;
  // A throwaway image: no per-step layers to cache (container.ts, BuildOptions.layers).
  buildImage({ bases, tag: TAG, builder, arches: [ARCH], layers: false });
  const buildSeconds = (Date.now() - started) / 1000;

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    HOST: '127.0.0.1',
    PORT: String(port),
    METRICS_PORT: String(await freePort()),
    DRAIN_SECONDS: '5',
    LOG_LEVEL: 'warn',
  };
  const runStarted = Date.now();
  const container: RunningContainer =
    ARCH !== hostArch() && builder === 'buildah'
      ? runEmulated(TAG, ARCH, env)
      : runContainer(TAG, env, builder, ARCH);
  try {
    await waitForStatus(`${url}/healthz`, 200, START_SECONDS);
    await waitForStatus(`${url}/readyz`, 200, 30);
    const before = (await (await fetch(`${url}/api/scores?mode=solo`)).json()) as {
      scores: unknown[];
    };
    if (!Array.isArray(before.scores)) throw new Error('/api/scores did not return a score list');
    const index = await fetch(`${url}/`);
    if (index.status !== 200 || !(await index.text()).includes('<html'))
      throw new Error('/ did not serve the client');

    const game = await playSmokeGame(url, { submitAs: `smoke-${process.pid}` });
    const after = (await (await fetch(`${url}/api/scores?mode=solo`)).json()) as {
      scores: { name: string; score: number }[];
    };
    const stored = after.scores.find((s) => s.name === game.name);
    if (!stored || stored.score !== game.score) {
      throw new Error(
        `the bot's game (score ${game.score}) is not on the board: ${JSON.stringify(after.scores)}`,
      );
    }

    const code = await container.stop();
    if (code !== 0) throw new Error(`the container exited with ${code} after SIGTERM, expected 0`);
    const runSeconds = (Date.now() - runStarted) / 1000;
    console.log(
      `container-smoke: ok  arch=${ARCH}${ARCH === hostArch() ? '' : ' (emulated)'} builder=${builder} ` +
        `build=${buildSeconds.toFixed(0)}s run=${runSeconds.toFixed(0)}s size=${imageSize(builder)} ` +
        `game: score=${game.score} lines=${game.lines} frames=${game.frames}`,
    );
  } finally {
    if (container.process.exitCode === null) container.process.kill('SIGKILL');
    container.remove();
    // vfs storage keeps a full copy per layer: drop the smoke image and its dangling layers.
    if (builder === 'buildah') {
      buildahOut(['rmi', '--force', TAG]);
      buildahOut(['rmi', '--prune']);
    }
  }
}

main().catch((error: unknown) => {
  console.error(`container-smoke: FAILED: ${(error as Error).message}`);
  process.exit(1);
});
