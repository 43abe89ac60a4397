import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { dropUntilOver, hud, startSolo, uniqueName } from './helpers.ts';
import {
  frameOf,
  golden,
  goldenFile,
  openGolden,
  openGoldenAtStart,
  pause,
  points,
} from './theater-helpers.ts';

test.describe('replay theater', () => {
  test('opens a file from disk, shows its verified result, plays and pauses', async ({ page }) => {
    await openGolden(page);
    await expect(page.getByTestId('theater-title')).toHaveText('Replay file: golden-19.json');
    await expect.poll(() => frameOf(page)).toBeGreaterThan(30);
    await pause(page);
    const stopped = await frameOf(page);
    await page.waitForTimeout(500);
    expect(await frameOf(page)).toBe(stopped);

    // The end: the engine's own result, as recorded with the fixture.
    await page.keyboard.press('End');
    await expect(hud(page, 'score')).toHaveText(String(golden.summary.score));
    await expect(hud(page, 'lines')).toHaveText(String(golden.summary.lines));
    await expect(hud(page, 'phase')).toHaveText('GAME OVER');
  });

  test('plays at 8x and at 0.25x', async ({ page }) => {
    await openGolden(page);
    await pause(page);
    const stopped = await frameOf(page);
    await page.getByTestId('theater-speed').selectOption('8');
    await page.getByTestId('theater-play').click();
    await page.waitForTimeout(1200);
    await pause(page);
    // 1.2 s at 8x is about 580 frames; 1x could not pass 75 (generous for a loaded machine).
    expect((await frameOf(page)) - stopped).toBeGreaterThan(120);

    await page.getByTestId('theater-speed').selectOption('0.25');
    const slowFrom = await frameOf(page);
    const slowStart = Date.now();
    await page.getByTestId('theater-play').click();
    await page.waitForTimeout(800);
    await pause(page);
    // A quarter of 60 frames a second, with room for the clicks' own time.
    const slowSeconds = (Date.now() - slowStart) / 1000;
    const slowFrames = (await frameOf(page)) - slowFrom;
    expect(slowFrames).toBeGreaterThan(0);
    expect(slowFrames).toBeLessThanOrEqual(Math.ceil(slowSeconds * 15 * 1.25) + 2);
  });

  test('seeks to a line clear with its mark, steps frames both ways, and seeks on the timeline', async ({
    page,
  }) => {
    await openGoldenAtStart(page);

    const firstClear = Number(
      await page.getByTestId('mark-clear').first().getAttribute('data-frame'),
    );
    await page.getByTestId('theater-mark-next').click();
    await expect.poll(() => frameOf(page)).toBe(firstClear);
    await expect(hud(page, 'lines')).not.toHaveText('0');
    const cleared = Number(await hud(page, 'lines').textContent());

    // One frame back is before the clear (re-simulated from a checkpoint), one forward is after it.
    await page.keyboard.press(',');
    await expect.poll(() => frameOf(page)).toBe(firstClear - 1);
    await expect(hud(page, 'lines')).toHaveText('0');
    await page.keyboard.press('.');
    await expect(hud(page, 'lines')).toHaveText(String(cleared));
    await page.getByTestId('theater-frame-next').click();
    await expect.poll(() => frameOf(page)).toBe(firstClear + 1);
    await page.getByTestId('theater-frame-back').click();
    await expect.poll(() => frameOf(page)).toBe(firstClear);

    // A click on a later mark on the timeline, then the slider itself.
    const marks = page.getByTestId('mark-clear');
    const third = Number(await marks.nth(2).getAttribute('data-frame'));
    await marks.nth(2).click();
    await expect.poll(() => frameOf(page)).toBe(third);
    await page.getByTestId('theater-seek').fill('4000');
    await expect.poll(() => frameOf(page)).toBe(4000);
    await expect(page.getByTestId('theater-time')).toContainText('frame 4000');
    await expect(page.getByTestId('stat-trt')).toHaveText(/^\d+%$/);
  });

  test('Space plays and pauses with a button focused, and never presses that button', async ({
    page,
  }) => {
    await openGolden(page);
    await pause(page);
    const play = page.getByTestId('theater-play');

    await page.getByTestId('replay-back').focus();
    await page.keyboard.press('Space');
    await expect(play).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/\/replay$/);
    await page.keyboard.press('Space');
    await expect(play).toHaveAttribute('aria-pressed', 'false');

    await page.getByTestId('theater-frame-next').focus();
    const at = await frameOf(page);
    await page.keyboard.press('Space');
    await expect(play).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Space');
    await expect(play).toHaveAttribute('aria-pressed', 'false');
    // Playing moved it forward; the focused "next frame" button was never pressed to pause it.
    expect(await frameOf(page)).toBeGreaterThanOrEqual(at);
    await expect(page.getByTestId('theater-frame-next')).toBeFocused();
    await expect(page.getByTestId('theater-dock')).toBeVisible();
  });

  test('refuses bad files with a clear reason', async ({ page }) => {
    await page.goto('/replay');
    // Each bad file is refused with the reason, one after the other on the same page.
    for (const { name, mimeType, body, error } of [
      {
        name: 'notes.txt',
        mimeType: 'text/plain',
        body: 'hello',
        error: 'notes.txt is not a replay file (it is not replay JSON).',
      },
      {
        name: 'future.json',
        mimeType: 'application/json',
        body: '{"version":9,"seed":"8988","startLevel":0,"inputs":[]}',
        error: /future\.json is not a valid replay: unsupported replay version 9/,
      },
      {
        name: 'cheat.json',
        mimeType: 'application/json',
        body: '{"version":1,"seed":"8988","startLevel":0,"inputs":[[10,96]]}',
        error: /unknown button bits in 96/,
      },
    ]) {
      await page.getByTestId('theater-file').setInputFiles({
        name,
        mimeType,
        buffer: Buffer.from(body),
      });
      await expect(page.getByTestId('theater-error')).toHaveText(error);
    }
    // A good file after bad ones plays.
    await page.getByTestId('theater-file').setInputFiles(goldenFile);
    await expect(page.getByTestId('theater-verified')).toContainText(points(golden.summary.score));
  });

  test('a link to no stored game says so and still opens files', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto('/replay/abcdefghijkm');
    await expect(page.getByTestId('theater-error')).toHaveText(
      'No stored game has this link: check that it was copied whole.',
    );
    // The 404 answers are the expected network errors.
    const rest = consoleErrors.filter((e) => !/404/.test(e));
    consoleErrors.splice(0, consoleErrors.length, ...rest);
    await page.getByTestId('theater-file').setInputFiles(goldenFile);
    await expect(page.getByTestId('theater-verified')).toContainText(points(golden.summary.score));
  });

  test('the well is never covered by the controls, from a phone to 2560x1440', async ({ page }) => {
    await openGolden(page);
    for (const [w, h] of [
      [390, 844],
      [1280, 720],
      [1366, 768],
      [1920, 1080],
      [2560, 1440],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await expect
        .poll(
          async () => {
            const well = await page.getByTestId('well-you').boundingBox();
            const dock = await page.getByTestId('theater-dock').boundingBox();
            if (well === null || dock === null) return 'not shown';
            if (well.y < 0 || well.x < 0 || well.x + well.width > w) return 'off screen';
            if (well.height < 150) return `well only ${well.height}px tall`;
            return well.y + well.height <= dock.y + 0.5 ? 'clear' : 'covered';
          },
          { message: `${w}x${h}` },
        )
        .toBe('clear');
    }
  });

  test.describe.serial('a stored game', () => {
    let link = '';
    let name = '';
    let score = 0;
    let lines = 0;

    test('the scoreboard opens its replay at its own link', async ({ page }) => {
      await startSolo(page, 19);
      await dropUntilOver(page);
      score = Number(await page.getByTestId('final-score').textContent());
      lines = Number(await hud(page, 'lines').textContent());
      name = uniqueName('theater');
      await page.getByRole('button', { name: 'Submit and try again' }).click();
      await page.getByLabel('Your name').fill(name);
      await page.getByRole('button', { name: 'Submit', exact: true }).click();
      await expect(page.getByTestId('notice-submitted')).toContainText(name);

      // Submitting started the next game: leaving it asks first, and the player confirms.
      page.once('dialog', (d) => void d.accept());
      await page.getByRole('link', { name: 'Scoreboard' }).click();
      const row = page
        .getByTestId('score-row-solo')
        .filter({ has: page.getByRole('rowheader', { name, exact: true }) });
      await row.getByRole('button', { name: /Watch/ }).click();
      await expect(page).toHaveURL(/\/replay\/[a-z2-9]{12}$/);
      await expect(page.getByTestId('theater-title')).toHaveText(`Replay: ${name}`);
      link = page.url();
    });

    test('the link alone shows player, result and date, and downloads the replay', async ({
      page,
    }) => {
      expect(link).not.toBe('');
      await page.goto(link);
      await expect(page.getByTestId('theater-title')).toHaveText(`Replay: ${name}`);
      await expect(page.getByTestId('theater-details')).toContainText(
        `Solo · ${points(score)} points · ${lines} lines · level 19 (started at 19)`,
      );
      await expect(page.getByTestId('theater-details')).toContainText(
        String(new Date().getUTCFullYear()),
      );
      await expect(page.getByTestId('theater-verified')).toContainText(
        `score ${points(score)}, ${lines} lines, level 19`,
      );
      await expect(page.getByTestId('theater-verified')).not.toContainText('does not match');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('theater-download').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(
        new RegExp(`^tengen-${name}-${score}-[a-z2-9]{12}\\.json$`),
      );
      const saved = readFileSync(await download.path(), 'utf8');
      // The file carries the rules version the server stored the game under.
      const id = /[a-z2-9]{12}$/.exec(link)![0];
      const info = (await (await page.request.get(`/api/games/${id}`)).json()) as {
        engineVersion: number;
      };
      expect(JSON.parse(saved)).toMatchObject({ version: info.engineVersion, startLevel: 19 });

      // The downloaded file opens again and verifies to the same score.
      await page.getByTestId('theater-file').setInputFiles({
        name: 'mine.json',
        mimeType: 'application/json',
        buffer: Buffer.from(saved),
      });
      await expect(page.getByTestId('theater-title')).toHaveText('Replay file: mine.json');
      await expect(page.getByTestId('theater-verified')).toContainText(`score ${points(score)}`);
    });
  });
});
