// Client benchmark as served: `npx nx run client:bench-served` (builds first). Starts the real server
// (its own process, a throwaway database) on the built client and measures in headless Chromium, over
// loopback HTTP and WebSockets, what a player's browser gets:
//   1. first-visit transfer: every byte on the wire (headers included) until the title screen is idle;
//   2. menu usable on Chromium's "Fast 3G" network emulation: navigation to a clickable Solo button;
//   3. first playable frame after choosing a level on a warm page: the click on "00"-"19" to the
//      first frame the player can act in (an online solo game: matchmaking and the start message
//      included).
// It prints the figures against the budgets of issue 10 and exits 1 when one is missed.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { spawnServer } from '@tengen/test-kit';
import { launch, median } from './bench-browser.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const dist = join(root, 'dist', 'apps', 'client');
const BUDGET = { transferKb: 250, fast3gMenuMs: 2500, playableMs: 100 };
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
/** Chromium DevTools' "Fast 3G" preset (the same numbers Lighthouse uses). */
const FAST_3G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9,
  uploadThroughput: ((750 * 1000) / 8) * 0.9,
};

/** Bytes received for every request of the page (CDP `encodedDataLength`: headers and body as sent). */
async function countBytes(page: Page): Promise<{ total: () => number; rows: () => string[] }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const urls = new Map<string, string>();
  const enc = new Map<string, string>();
  const bytes = new Map<string, number>();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.responseReceived', (e) => {
    const h = Object.entries(e.response.headers).find(([k]) => /^content-encoding$/i.test(k));
    enc.set(e.requestId, String(h?.[1] ?? 'none'));
  });
  cdp.on('Network.loadingFinished', (e) => bytes.set(e.requestId, e.encodedDataLength));
  return {
    total: () => [...bytes.values()].reduce((a, b) => a + b, 0),
    rows: () =>
      [...bytes]
        .filter(([id]) => urls.get(id)?.startsWith('http'))
        .map(
          ([id, n]) =>
            `${(n / 1024).toFixed(1).padStart(7)} KB  ${enc.get(id)?.padEnd(4)}  ${new URL(urls.get(id) ?? '').pathname}`,
        ),
  };
}

/** ms from navigation start until the menu's Solo button is on screen and enabled (polled per frame). */
async function menuReadyMs(page: Page): Promise<number> {
  const h = await page.waitForFunction(
    () => {
      const b = document.querySelector<HTMLButtonElement>('[data-testid="menu-solo"]');
      return b !== null && !b.disabled && b.getClientRects().length > 0 ? performance.now() : null;
    },
    null,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await h.jsonValue()) as number;
}

if (!existsSync(join(dist, 'index.html')))
  throw new Error(`no build at ${dist}: run npx nx build client first`);

const dbDir = mkdtempSync(join(tmpdir(), 'tengen-bench-served-'));
const server = await spawnServer({
  PORT: '0',
  DB_FILE: join(dbDir, 'bench.db'),
  CLIENT_DIR: dist,
  LOG_LEVEL: 'info',
  DRAIN_SECONDS: '1',
});
const browser = await launch();
try {
  // 1. First visit: a fresh context (empty cache) until the network has been idle.
  const first = await browser.newContext();
  const page = await first.newPage();
  const bytes = await countBytes(page);
  await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
  await menuReadyMs(page);
  const transfer = bytes.total();
  await first.close();

  // 2. Menu usable on Fast 3G, cold cache each run.
  const throttled: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    const cdp = await ctx.newCDPSession(p);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', FAST_3G);
    await p.goto(`${server.url}/`, { waitUntil: 'commit' });
    throttled.push(await menuReadyMs(p));
    await ctx.close();
  }

  // 3. Warm page (loaded, cache warm, title demo running): Solo, then the level button.
  const warm = await browser.newContext();
  await (await warm.newPage()).goto(`${server.url}/`, { waitUntil: 'networkidle' });
  const playable: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const p = await warm.newPage();
    await p.goto(`${server.url}/`, { waitUntil: 'networkidle' });
    await menuReadyMs(p);
    await p.getByTestId('menu-solo').click();
    const level = p.getByRole('button', { name: '09', exact: true });
    await level.waitFor();
    await p.waitForTimeout(300);
    await p.evaluate(() => {
      document.addEventListener(
        'pointerdown',
        () => ((window as unknown as { __clickAt: number }).__clickAt = performance.now()),
        { capture: true, once: true },
      );
    });
    await level.click();
    const ms = await p.waitForFunction(
      () => {
        const at = (window as unknown as { __clickAt?: number }).__clickAt;
        const t = window.__tengenPerf?.report().firstPlayableMs ?? null;
        return at !== undefined && t !== null ? t - at : null;
      },
      null,
      { timeout: 20_000 },
    );
    playable.push((await ms.jsonValue()) as number);
    await p.close();
  }
  await warm.close();

  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  console.log(
    `client bench as served: the real server on loopback, headless Chromium, ${RUNS} runs each (load average ${load})`,
  );
  console.log('first visit, bytes on the wire:');
  for (const r of bytes.rows()) console.log(`  ${r}`);
  const rows: [string, string, string, boolean][] = [
    [
      'first-visit transfer',
      `${(transfer / 1024).toFixed(1)} KB`,
      `≤ ${BUDGET.transferKb} KB`,
      transfer / 1024 <= BUDGET.transferKb,
    ],
    [
      'menu usable on Fast 3G (median)',
      `${median(throttled).toFixed(0)} ms (runs: ${throttled.map((t) => t.toFixed(0)).join(', ')})`,
      `≤ ${BUDGET.fast3gMenuMs} ms`,
      median(throttled) <= BUDGET.fast3gMenuMs,
    ],
    [
      'first playable frame after the level click (median, warm page)',
      `${median(playable).toFixed(0)} ms (runs: ${playable.map((t) => t.toFixed(0)).join(', ')})`,
      `≤ ${BUDGET.playableMs} ms`,
      median(playable) <= BUDGET.playableMs,
    ],
  ];
  for (const [k, v, b, ok] of rows)
    console.log(`  ${k.padEnd(64)} ${v.padEnd(40)} budget ${b}${ok ? '' : '  MISSED'}`);
  const ok = rows.every((r) => r[3]);
  console.log(ok ? 'all budgets met' : 'BUDGET MISSED');
  process.exitCode = ok ? 0 : 1;
} finally {
  await browser.close();
  server.proc.kill('SIGTERM');
  await server.exited;
  rmSync(dbDir, { recursive: true, force: true });
}
