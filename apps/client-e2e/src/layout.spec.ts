// The layout holds still and fits phones (issue 9, parts 5 and 6): measured on the wells the renderer
// drew (the invisible `well-you` / `well-opp` boxes placed from the real canvas), with real duo games.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { dropUntilOver } from './helpers.ts';
import {
  intersects,
  ownServer,
  phoneContext,
  settledWells,
  startDuo,
  wells,
  watchErrors,
  type Box,
} from './layout-helpers.ts';

const SHOTS = join(import.meta.dirname, '..', '..', '..', 'dist', '.playwright', 'layout');
mkdirSync(SHOTS, { recursive: true });

const inside = (b: Box, vp: { width: number; height: number }): boolean =>
  b.x >= -0.5 &&
  b.y >= -0.5 &&
  b.x + b.width <= vp.width + 0.5 &&
  b.y + b.height <= vp.height + 0.5;

/** Every pad button is on screen, clear of both wells, and the topmost thing under its centre. */
async function padUsable(page: Page, w: { you: Box; opp: Box }): Promise<Record<string, Box>> {
  const vp = page.viewportSize()!;
  const boxes: Record<string, Box> = {};
  for (const id of ['left', 'right', 'down', 'a', 'b', 'pause']) {
    const el = page.getByTestId(`touch-${id}`);
    await expect(el).toBeVisible();
    const box = await el.boundingBox();
    if (box === null) throw new Error(`touch-${id} has no box`);
    boxes[id] = box;
    expect(inside(box, vp), `touch-${id} on screen`).toBe(true);
    expect(intersects(box, w.you), `touch-${id} clear of your well`).toBe(false);
    expect(intersects(box, w.opp), `touch-${id} clear of the rival's well`).toBe(false);
    const hit = await page.evaluate(
      ([x, y]) =>
        document.elementFromPoint(x!, y!)?.closest('[data-testid]')?.getAttribute('data-testid'),
      [box.x + box.width / 2, box.y + box.height / 2],
    );
    expect(hit, `touch-${id} takes the tap`).toBe(`touch-${id}`);
  }
  return boxes;
}

function checkPortrait(w: { you: Box; opp: Box }, vp: { width: number; height: number }): void {
  expect(w.you.height, 'your well at least half the screen tall').toBeGreaterThanOrEqual(
    vp.height / 2,
  );
  expect(w.opp.height, 'the rival smaller').toBeLessThan(w.you.height);
  expect(w.opp.height, 'the rival still a live view').toBeGreaterThanOrEqual(120);
  expect(inside(w.you, vp) && inside(w.opp, vp)).toBe(true);
  expect(intersects(w.you, w.opp)).toBe(false);
}

function checkLandscape(
  w: { you: Box; opp: Box },
  pad: Record<string, Box>,
  vp: { width: number; height: number },
): void {
  expect(w.you.height, 'your well most of the height').toBeGreaterThanOrEqual(0.6 * vp.height);
  expect(w.opp.height).toBeLessThan(w.you.height);
  expect(inside(w.you, vp) && inside(w.opp, vp)).toBe(true);
  // The d-pad on the left of your well, A and B on the right of both boards.
  for (const id of ['left', 'right', 'down'])
    expect(pad[id]!.x + pad[id]!.width).toBeLessThanOrEqual(w.you.x);
  for (const id of ['a', 'b']) expect(pad[id]!.x).toBeGreaterThanOrEqual(w.opp.x + w.opp.width);
}

test.describe('layout', () => {
  // Whole duo games on a software-rendered phone: more than the default 90 s on a loaded machine.
  test.setTimeout(240_000);
  for (const vp of [
    { width: 390, height: 844 },
    { width: 360, height: 740 },
    { width: 844, height: 390 },
  ]) {
    test(`duo on a ${vp.width}x${vp.height} phone: your board playable, the rival a live thumbnail, the game-over panel beside it`, async ({
      browser,
      newPlayer,
      consoleErrors,
    }) => {
      const context = await phoneContext(browser, vp);
      try {
        const a = await context.newPage();
        watchErrors(a, consoleErrors);
        const b = (await newPlayer()).page;
        await b.setViewportSize({ width: 1280, height: 800 });
        // Level 0: no top-out while the test turns the phone.
        await startDuo(a, b, '', [0, 0]);
        const w = await settledWells(a);
        const tag = `${vp.width}x${vp.height}`;
        await a.screenshot({ path: join(SHOTS, `duo-phone-${tag}.png`) });
        const pad = await padUsable(a, w);
        if (vp.height > vp.width) {
          checkPortrait(w, vp);
          expect(pad['down']!.y, 'the pad below your well').toBeGreaterThanOrEqual(
            w.you.y + w.you.height,
          );
          await a.screenshot({ path: join(SHOTS, `duo-phone-${tag}.png`) });
          // Turned sideways mid-game: the layout follows.
          const turned = { width: vp.height, height: vp.width };
          await a.setViewportSize(turned);
          const w2 = await settledWells(a);
          checkLandscape(w2, await padUsable(a, w2), turned);
          await a.screenshot({ path: join(SHOTS, `duo-phone-${tag}-turned.png`) });
          await a.setViewportSize(vp);
          expect(await settledWells(a)).toEqual(w);
        } else {
          checkLandscape(w, pad, vp);
          await a.screenshot({ path: join(SHOTS, `duo-phone-${tag}.png`) });
        }
        // Your game ends: the panel sits over your side; the rival's well stays in view, unmoved.
        await dropUntilOver(a);
        const over = a.getByTestId('game-over');
        await expect(over).toBeVisible();
        const panelBox = (await over.boundingBox())!;
        const after = await wells(a);
        expect(after).toEqual(w);
        expect(intersects(panelBox, after.opp), JSON.stringify({ panelBox, after })).toBe(false);
        expect(inside(panelBox, vp)).toBe(true);
        await a.screenshot({ path: join(SHOTS, `duo-phone-${tag}-over.png`) });
      } finally {
        await context.close();
      }
    });
  }

  for (const vp of [
    { width: 1280, height: 800 },
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    test(`desktop ${vp.width}x${vp.height}: the game-over panel never covers the rival's well`, async ({
      newPlayer,
    }) => {
      const a = (await newPlayer()).page;
      const b = (await newPlayer()).page;
      await a.setViewportSize(vp);
      await startDuo(a, b, '', [19, 0]);
      const w = await settledWells(a);
      expect(w.opp.height).toBeCloseTo(w.you.height, 0);
      await dropUntilOver(a);
      const over = a.getByTestId('game-over');
      await expect(over).toBeVisible();
      const panelBox = (await over.boundingBox())!;
      expect(await wells(a)).toEqual(w);
      expect(intersects(panelBox, w.opp), JSON.stringify({ panelBox, w })).toBe(false);
      await a.screenshot({ path: join(SHOTS, `duo-desktop-${vp.width}x${vp.height}-over.png`) });
    });
  }

  test('notices never move the boards: opponent topped out, reconnecting, server restarting', async ({
    browser,
    newPlayer,
    consoleErrors,
  }) => {
    // Its own server, so the test can restart it.
    const own = await ownServer({ DRAIN_SECONDS: '30' });
    const phone = await phoneContext(browser, { width: 390, height: 844 });
    try {
      const a = (await newPlayer()).page; // desktop
      await a.setViewportSize({ width: 1280, height: 800 });
      // Keeps the page's sockets reachable, so the test can drop one as a network blip would.
      await a.addInitScript(() => {
        const Native = window.WebSocket;
        const open: WebSocket[] = [];
        (window as unknown as { __sockets: WebSocket[] }).__sockets = open;
        window.WebSocket = class extends Native {
          constructor(...args: ConstructorParameters<typeof WebSocket>) {
            super(...args);
            open.push(this);
          }
        };
      });
      const b = await phone.newPage();
      watchErrors(b, consoleErrors);
      await startDuo(a, b, own.url, [0, 19]);
      const before = { a: await settledWells(a), b: await settledWells(b) };
      const same = async (what: string): Promise<void> => {
        expect(await wells(a), `desktop after ${what}`).toEqual(before.a);
        expect(await wells(b), `phone after ${what}`).toEqual(before.b);
      };

      // B (level 19) tops out: A is told; B's game-over panel appears.
      await dropUntilOver(b);
      await expect(a.getByTestId('notice-opponent')).toContainText('Your opponent topped out');
      await expect(b.getByTestId('game-over')).toBeVisible();
      await same('the opponent topped out');

      // A's network drops: A reconnects, B is told.
      await a.waitForTimeout(1_200); // the client lets the SDK reconnect rooms older than a second
      await a.evaluate(() =>
        (window as unknown as { __sockets: WebSocket[] }).__sockets
          .filter((ws) => ws.readyState === WebSocket.OPEN)
          .forEach((ws) => ws.close(4010, 'network blip')),
      );
      // Both notices come and go within seconds: wait for them together. Wait for the reconnection
      // to be done (A's "Reconnected", B's "is back"): a page still reconnecting when the server
      // starts draining is refused and never hears that it restarts.
      await Promise.all([
        expect(a.getByTestId('notice-connection')).toHaveText(/Reconnected/),
        expect(b.getByTestId('notice-opponent')).toContainText(/is back/),
      ]);
      await same('reconnecting');

      // The server restarts: both are told to finish.
      own.proc.kill('SIGTERM');
      await expect(a.getByTestId('notice-restarting')).toContainText('The server is restarting');
      await expect(b.getByTestId('notice-restarting')).toContainText('The server is restarting');
      await same('server restarting');
      await b.screenshot({ path: join(SHOTS, 'notices-phone-390x844.png') });
      await a.screenshot({ path: join(SHOTS, 'notices-desktop-1280x800.png') });
      await a.close();
      await b.close();
      // The pages' reconnection attempts to the stopped server are expected, nothing else.
      const rest = consoleErrors.filter((e) => !/ERR_CONNECTION_REFUSED/.test(e));
      consoleErrors.splice(0, consoleErrors.length, ...rest);
    } finally {
      await phone.close();
      await own.stop();
    }
  });
});
