import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { hud, startSolo } from './helpers.ts';
import { frameOf, openGoldenAtStart } from './theater-helpers.ts';

/** The page's perf hook (`window.__tengenPerf`, set by the client's main.ts), as far as used here. */
interface PerfHook {
  report(): { steps: number; drawn: number };
  reset(): void;
  redraw(): void;
}
type WithPerf = Window & { __tengenPerf: PerfHook };

/** Display frames stepped and drawn since the last reset of the page's perf hook. */
async function counts(page: Page): Promise<{ steps: number; drawn: number }> {
  return page.evaluate(() => {
    const { steps, drawn } = (window as unknown as WithPerf).__tengenPerf.report();
    return { steps, drawn };
  });
}

/** Waits two display frames, so whatever the last one drew is on screen. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
}

/**
 * Waits in the page for a draw, clicks `button` at once (so the keep-alive draw is about 30 frames
 * away), and returns how many display frames passed before the next draw.
 */
async function framesToDraw(page: Page, button: string): Promise<number> {
  return page.evaluate(
    (id) =>
      new Promise<number>((resolve) => {
        const perf = (window as unknown as WithPerf).__tengenPerf;
        let base = perf.report().drawn;
        let clicked = false;
        let frames = 0;
        const tick = (): void => {
          const drawn = perf.report().drawn;
          if (!clicked) {
            if (drawn > base) {
              clicked = true;
              base = drawn;
              document.querySelector<HTMLElement>(`[data-testid="${id}"]`)!.click();
            }
          } else if (drawn > base || ++frames > 90) {
            resolve(frames);
            return;
          }
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    button,
  );
}

/**
 * The stage's canvas as the page shows it now, then as a full draw of the same frame shows it: the
 * two must be the same picture, whatever the draw gate skipped before.
 */
async function shownAndRedrawn(page: Page): Promise<[Buffer, Buffer]> {
  const canvas = page.locator('#stage canvas');
  await settle(page);
  const shown = await canvas.screenshot();
  const before = (await counts(page)).drawn;
  await page.evaluate(() => (window as unknown as WithPerf).__tengenPerf.redraw());
  await expect.poll(async () => (await counts(page)).drawn).toBeGreaterThan(before);
  await settle(page);
  return [shown, await canvas.screenshot()];
}

test.describe('drawing only what changed', () => {
  test('a paused replay draws about twice a second; each frame shown is the one a full draw shows', async ({
    page,
  }) => {
    await openGoldenAtStart(page);
    await settle(page);

    await page.evaluate(() => (window as unknown as WithPerf).__tengenPerf.reset());
    await page.waitForTimeout(1_500);
    const still = await counts(page);
    // At 60 Hz that is about 90 frames; the keep-alive draws one in 30 (a loaded machine steps fewer).
    expect(still.steps).toBeGreaterThan(20);
    expect(still.drawn).toBeLessThanOrEqual(Math.ceil(still.steps / 30) + 1);

    // From line clear to line clear (each changes the lines count at least), then a seek: each
    // change is drawn in the frame that shows it (the keep-alive would take 30), and what is on
    // screen is what a full draw shows. (A single frame step may change nothing on screen: the
    // line-clear animation moves every fourth frame.)
    const seen: string[] = [];
    for (let clear = 0; clear < 3; clear++) {
      const lines = await hud(page, 'lines').textContent();
      expect(await framesToDraw(page, 'theater-mark-next')).toBeLessThanOrEqual(3);
      await expect(hud(page, 'lines')).not.toHaveText(lines ?? '');
      const [shown, redrawn] = await shownAndRedrawn(page);
      expect(shown.equals(redrawn), `frame ${await frameOf(page)}`).toBe(true);
      seen.push(shown.toString('base64'));
    }
    await page.getByTestId('theater-seek').fill('4000');
    await expect.poll(() => frameOf(page)).toBe(4000);
    const [shown, redrawn] = await shownAndRedrawn(page);
    expect(shown.equals(redrawn), 'frame 4000').toBe(true);
    seen.push(shown.toString('base64'));
    // The pictures did change along the way (the comparison above is not of one still image).
    expect(new Set(seen).size).toBe(seen.length);
  });

  test('a solo game at level 0 draws a fraction of its frames', async ({ page }) => {
    await startSolo(page, 0);
    await page.evaluate(() => (window as unknown as WithPerf).__tengenPerf.reset());
    await page.waitForTimeout(2_000);
    const falling = await counts(page);
    expect(falling.steps).toBeGreaterThan(30);
    // A piece falls a row every 48 frames at level 0; the picture changes a few times a second.
    expect(falling.drawn).toBeGreaterThan(0);
    expect(falling.drawn).toBeLessThan(falling.steps / 3);
  });
});
