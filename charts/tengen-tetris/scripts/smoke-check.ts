// The post-deploy smoke test through a stage's public URL: health, readiness, then one bot game
// played and re-simulated by the server (the image smoke test's game, from @tengen/test-kit). It
// submits nothing, so the public board stays clean.
import { playSmokeGame, type SmokeGame } from '@tengen/test-kit';

/** How long to wait for the URL to answer (the load balancer registers new pods with a delay). */
export interface SmokeOptions {
  waitSeconds: number;
}

/** Validates the public URL (http or https, no path beyond `/`). */
export function parsePublicUrl(value: string | undefined): string {
  let url: URL;
  try {
    url = new URL(value ?? '');
  } catch {
    throw new Error(`--url "${value ?? ''}" is not a URL`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.pathname !== '/' || url.search) {
    throw new Error(`--url "${value}" must be http(s)://host[:port] with no path`);
  }
  return url.origin;
}

async function waitFor(url: string, deadline: number): Promise<void> {
  for (;;) {
    let last: string;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 (last: ${last})`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

/** Runs the checks in order; throws with the first that fails. */
export async function smokeCheck(origin: string, options: SmokeOptions): Promise<SmokeGame> {
  const deadline = Date.now() + options.waitSeconds * 1000;
  await waitFor(`${origin}/healthz`, deadline);
  await waitFor(`${origin}/readyz`, deadline);
  return playSmokeGame(origin);
}
