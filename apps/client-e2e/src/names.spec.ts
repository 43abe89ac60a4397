import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { storeBotGame } from './boards-helpers.ts';
import { dropUntilOver, startSolo, uniqueName } from './helpers.ts';

/** From a finished solo game: Submit, type `name`, send. */
async function submitAs(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Submit and try again' }).click();
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
}

const held = uniqueName('Mine');
const moving = uniqueName('Moving');
let heldKey: string | undefined;
let movingKey: string | undefined;

// Two names held by other "browsers": bots stored the first scores under them (in parallel).
test.beforeAll(async ({ baseURL }) => {
  const [a, b] = await Promise.all([
    storeBotGame(baseURL!, held, 19),
    storeBotGame(baseURL!, moving, 19),
  ]);
  heldKey = a.key;
  movingKey = b.key;
});

test.describe('names that are yours', () => {
  test('another browser submitting under a held name is told so in the name entry; a free name becomes its own', async ({
    page,
  }) => {
    const name = held;
    expect(heldKey).toMatch(/^[A-Za-z0-9_-]{43}$/);

    await startSolo(page, 19);
    await dropUntilOver(page, 25_000);
    await submitAs(page, name.toUpperCase());
    await expect(page.getByTestId('name-error')).toHaveText(
      `The name "${name.toUpperCase()}" belongs to another player. Pick another name, or, if it is yours, move it to this browser with a code from the device that holds it.`,
    );
    // The form stays usable: a free name goes through and becomes this browser's.
    const mine = `${name}2`;
    await page.getByLabel('Your name').fill(mine);
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await expect(page.getByTestId('notice-submitted')).toContainText(`${mine} scored`);
    const key = await page.evaluate(() => localStorage.getItem('tengen.nameKey'));
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(key).not.toBe(heldKey);
    await page.goto(`/player/${encodeURIComponent(mine)}`);
    await expect(page.getByTestId('name-yours')).toContainText(
      `"${mine}" is yours on this browser.`,
    );
  });

  test('a holder moves the name to another browser with a one-time code', async ({
    page,
    newPlayer,
    consoleErrors,
  }) => {
    const name = moving;
    const key = movingKey;
    await page.addInitScript(
      ([k, n]) => {
        localStorage.setItem('tengen.nameKey', k);
        localStorage.setItem('tengen.heldNames', JSON.stringify([n.toLowerCase()]));
      },
      [key!, name] as const,
    );
    await page.goto(`/player/${encodeURIComponent(name)}`);
    await expect(page.getByTestId('name-yours')).toContainText(
      `"${name}" is yours on this browser.`,
    );
    await page.getByRole('button', { name: 'Move this name to another device' }).click();
    const code = (await page.getByTestId('move-code').textContent())!;
    expect(code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{10}$/);

    const phone = (await newPlayer()).page;
    await phone.goto(`/player/${encodeURIComponent(name)}`);
    const input = phone.getByLabel('Code from your other device');
    await input.fill('AAAAAAAAAA');
    await phone.getByRole('button', { name: 'Move it here' }).click();
    await expect(phone.getByTestId('claim-error')).toHaveText(
      'That code is wrong. 4 more wrong tries cancel it.',
    );
    await phone.getByLabel('Code from your other device').fill(code.toLowerCase());
    await phone.getByRole('button', { name: 'Move it here' }).click();
    await expect(phone.getByTestId('name-yours')).toBeVisible();
    await expect(phone.getByTestId('notice-name-moved')).toHaveText(
      `"${name}" is yours on this browser now.`,
    );
    expect(await phone.evaluate(() => localStorage.getItem('tengen.nameKey'))).toMatch(
      /^[A-Za-z0-9_-]{43}$/,
    );

    // The code worked once; the old browser no longer holds the name.
    await page.goto(`/player/${encodeURIComponent(name)}`);
    await expect(page.getByTestId('name-yours')).toBeVisible(); // it still remembers the name...
    await page.getByRole('button', { name: 'Move this name to another device' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      `This browser does not hold the name "${name}", so it cannot move it.`,
    );
    // The refused requests (403) are logged by the browser itself.
    const rest = consoleErrors.filter((e) => !/status of 403/.test(e));
    consoleErrors.splice(0, consoleErrors.length, ...rest);
  });
});
