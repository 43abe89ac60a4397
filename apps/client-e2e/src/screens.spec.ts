// Issue 10 part 5: every screen size. One solo game per kind of device, the viewport changed under
// it, and at each size the well the renderer drew (the `well-you` box placed from the real canvas)
// is measured: always whole and on the stage (never under the header or the HUD line), big on phones
// (at least 80% of the width or 60% of the height upright; most of the height sideways), and clear
// of the touch pad. Then the scoreboard on a phone with a 16-character name in it.
import { TestPlayer } from '@tengen/test-kit';
import { devices, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { hud } from './helpers.ts';
import { intersects, wellBox, type Box } from './layout-helpers.ts';

interface Size {
  width: number;
  height: number;
}

const TOUCH: Size[] = [
  { width: 390, height: 844 }, // phone upright
  { width: 360, height: 740 },
  { width: 375, height: 667 }, // the shortest phones still sold upright
  { width: 320, height: 568 },
  { width: 844, height: 390 }, // phone sideways
  { width: 740, height: 360 },
  { width: 768, height: 1024 }, // tablet upright
  { width: 1024, height: 768 }, // tablet sideways
];
const DESKTOP: Size[] = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
  { width: 2560, height: 1440 },
];

let networks = 0;
async function device(browser: Browser, touch: boolean): Promise<BrowserContext> {
  const { defaultBrowserType: _, ...pixel } = devices['Pixel 7'];
  const own = { 'x-forwarded-for': `198.19.10.${++networks}` };
  return browser.newContext(
    touch ? { ...pixel, extraHTTPHeaders: own } : { extraHTTPHeaders: own },
  );
}

const inside = (b: Box, r: Box): boolean =>
  b.x >= r.x - 0.5 &&
  b.y >= r.y - 0.5 &&
  b.x + b.width <= r.x + r.width + 0.5 &&
  b.y + b.height <= r.y + r.height + 0.5;

/**
 * The well once the layout for the new size is in place: it moved from `before` (every size in the
 * lists gives a different well) and then held still for three measures 100 ms apart.
 */
async function settled(page: Page, before: string): Promise<Box> {
  let last = '';
  let same = 0;
  for (let i = 0; i < 80; i++) {
    const b = await wellBox(page, 'you');
    const key = JSON.stringify(b);
    same = key === last && key !== before ? same + 1 : 0;
    if (same === 2) return b;
    last = key;
    await page.waitForTimeout(100);
  }
  throw new Error('the well never settled');
}

async function checkSize(page: Page, size: Size, touch: boolean): Promise<string> {
  const now = page.viewportSize();
  const resized = now?.width !== size.width || now.height !== size.height;
  const before = resized ? JSON.stringify(await wellBox(page, 'you')) : '';
  await page.setViewportSize(size);
  const well = await settled(page, before);
  const stage = (await page.getByTestId('stage').boundingBox())!;
  const at = `${size.width}x${size.height}`;
  expect(inside(well, { x: 0, y: 0, ...size }), `${at}: the well on screen`).toBe(true);
  expect(inside(well, stage), `${at}: the well on the stage, clear of header and HUD`).toBe(true);
  const upright = size.height > size.width;
  if (touch && size.width < 600) {
    expect(
      well.width >= 0.8 * size.width || well.height >= 0.6 * size.height,
      `${at}: the well is ${Math.round(well.width)}x${Math.round(well.height)}`,
    ).toBe(true);
  } else if (touch && size.height < 500) {
    expect(well.height, `${at}: the well most of the height`).toBeGreaterThanOrEqual(
      0.6 * size.height,
    );
  } else {
    expect(well.height, `${at}: the well at least half the height`).toBeGreaterThanOrEqual(
      (upright ? 0.45 : 0.5) * stage.height,
    );
  }
  if (touch) {
    for (const id of ['left', 'right', 'down', 'a', 'b', 'pause']) {
      const b = (await page.getByTestId(`touch-${id}`).boundingBox())!;
      expect(inside(b, { x: 0, y: 0, ...size }), `${at}: touch-${id} on screen`).toBe(true);
      expect(intersects(b, well), `${at}: touch-${id} clear of the well`).toBe(false);
    }
  }
  return `${at}: well ${Math.round(well.width)}x${Math.round(well.height)}`;
}

test.describe('every screen', () => {
  test.setTimeout(120_000);

  for (const touch of [true, false]) {
    test(`the solo well at every ${touch ? 'phone and tablet' : 'desktop'} size`, async ({
      browser,
    }) => {
      const ctx = await device(browser, touch);
      const page = await ctx.newPage();
      await page.goto('/solo?level=0');
      await expect(hud(page, 'phase')).toHaveText('PLAYING');
      const seen: string[] = [];
      for (const size of touch ? TOUCH : DESKTOP) seen.push(await checkSize(page, size, touch));
      console.log(seen.join('\n'));
      await ctx.close();
    });
  }

  test('on the shortest phone a notice shows beside the well, never over it or moving it', async ({
    browser,
  }) => {
    const ctx = await device(browser, true);
    const page = await ctx.newPage();
    await page.setViewportSize({ width: 320, height: 568 });
    await page.goto('/solo?level=0');
    await expect(hud(page, 'phase')).toHaveText('PLAYING');
    // The game starts at once in the page; its room is joined a moment later (the address then
    // names it), and a seat is taken back after a drop only once it is 1 s old (the client's
    // `reconnection.minUptime`): an earlier drop ends the game instead ("Room uptime too short").
    await expect(page).toHaveURL(/\/solo\/[A-Za-z0-9_-]+$/);
    await page.waitForTimeout(1_500);
    const well = await settled(page, '');
    await ctx.setOffline(true);
    const notice = page.getByTestId('notice-connection');
    await expect(notice).toHaveText('Connection lost. Reconnecting…');
    // The reconnecting notice is replaced as attempts go on: measure whichever one is shown.
    await expect(async () => {
      const box = await notice.boundingBox();
      expect(box).not.toBeNull();
      expect(inside(box!, { x: 0, y: 0, width: 320, height: 568 }), 'on screen').toBe(true);
      expect(intersects(box!, well), 'the notice clear of the well').toBe(false);
      expect(box!.x, 'the notice beside the well').toBeGreaterThanOrEqual(well.x + well.width);
    }).toPass({ timeout: 10_000 });
    expect(await wellBox(page, 'you')).toEqual(well);
    await ctx.setOffline(false);
    await expect(notice).toHaveText('Reconnected.', { timeout: 20_000 });
    await ctx.close();
  });

  test('the scoreboard on a phone: a 16-character name clips no column', async ({
    browser,
    baseURL,
  }) => {
    const name = `W${Date.now().toString(36).slice(-5).toUpperCase()}WWWWWWWWWW`;
    expect(name).toHaveLength(16);
    const player = await TestPlayer.connect(baseURL!, 'create', 'solo');
    await player.until('choosing', () => player.me?.phase === 'choosing');
    player.send('selectLevel', { level: 19 });
    player.send('ready');
    await player.play({ botFrames: 300, leadFrames: 150 });
    await player.until('over', () => player.me?.phase === 'over');
    expect((await player.submit(name)).type).toBe('submitted');
    await player.leave();

    const ctx = await device(browser, true);
    const page = await ctx.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/scoreboard');
    const row = page
      .getByTestId('score-row-solo')
      .filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    await expect(row).toBeVisible();
    const table = row.locator('xpath=ancestor::table');
    const fit = await table.evaluate((t) => {
      const box = t.getBoundingClientRect();
      // Columns hidden on phones (display: none) have no box and clip nothing.
      const cells = Array.from(t.querySelectorAll('th, td'))
        .map((c) => c.getBoundingClientRect())
        .filter((c) => c.width > 0);
      return {
        tableRight: box.right,
        viewport: window.innerWidth,
        cellsInside: cells.every((c) => c.right <= box.right + 0.5 && c.left >= box.left - 0.5),
        overflow: Array.from(t.querySelectorAll('th, td')).some(
          (c) => (c as HTMLElement).scrollWidth > (c as HTMLElement).clientWidth + 1,
        ),
      };
    });
    expect(fit.tableRight).toBeLessThanOrEqual(fit.viewport);
    expect(fit.cellsInside).toBe(true);
    expect(fit.overflow).toBe(false);
    await expect(row.getByRole('button')).toBeInViewport();
    await ctx.close();
  });
});
