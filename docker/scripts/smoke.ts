/**
 * Image smoke test: builds the real Dockerfile (on this machine from a local Debian bookworm +
 * Node 24 base, since no registry can be pulled from), runs the image, checks /healthz, /readyz and
 * /api/scores, plays one bot game through it over a real WebSocket, stops it with SIGTERM
 * (expecting exit code 0 after the drain) and prints the image size.
 */
import { freePort, playSmokeGame } from '@tengen/test-kit';
import { buildImage } from './container.ts';
import { ensureLocalBase } from './local-base.ts';
import { runContainer } from './run-container.ts';
import { buildahOut, capture, hasDockerDaemon } from './tools.ts';

const TAG = 'localhost/tengen-tetris:smoke';

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
  const base = builder === 'buildah' ? ensureLocalBase() : undefined;
  buildImage({ base, tag: TAG, builder });
  const buildSeconds = (Date.now() - started) / 1000;

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const container = runContainer(
    TAG,
    {
      HOST: '127.0.0.1',
      PORT: String(port),
      METRICS_PORT: String(await freePort()),
      DRAIN_SECONDS: '5',
      LOG_LEVEL: 'warn',
    },
    builder,
  );
  try {
    await waitForStatus(`${url}/healthz`, 200, 60);
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
    console.log(
      `container-smoke: ok  builder=${builder} build=${buildSeconds.toFixed(0)}s size=${imageSize(builder)} ` +
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
