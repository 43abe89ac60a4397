import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';
import { hud } from './helpers.ts';

/** A golden replay of the engine (65 lines at level 19, topped out) and its recorded result. */
export const golden = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '..', '..', '..', 'libs/engine/src/fixtures/level-19-seed-4444.json'),
    'utf8',
  ),
) as { replay: unknown; summary: { score: number; lines: number; level: number } };
export const goldenFile = {
  name: 'golden-19.json',
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify(golden.replay)),
};
export const points = (n: number): string => n.toLocaleString('en-US');

/** The frame the theater shows (its timeline slider's value). */
export async function frameOf(page: Page): Promise<number> {
  return Number(await page.getByTestId('theater-seek').inputValue());
}

/** Opens the golden replay in the theater and waits for its verified result. */
export async function openGolden(page: Page): Promise<void> {
  await page.goto('/replay');
  await page.getByTestId('theater-file').setInputFiles(goldenFile);
  await expect(page.getByTestId('theater-verified')).toContainText(
    `score ${points(golden.summary.score)}, ${golden.summary.lines} lines, level ${golden.summary.level}`,
  );
  await expect(hud(page, 'phase')).toHaveText('REPLAY');
}

/** Pauses by the Play/Pause button's state (the theater starts playing on its own). */
export async function pause(page: Page): Promise<void> {
  const play = page.getByTestId('theater-play');
  if ((await play.getAttribute('aria-pressed')) === 'true') await play.click();
  await expect(play).toHaveAttribute('aria-pressed', 'false');
}

/** The golden replay opened, paused and at its first frame (no lines yet). */
export async function openGoldenAtStart(page: Page): Promise<void> {
  await openGolden(page);
  await pause(page);
  await page.keyboard.press('Home');
  await expect(hud(page, 'lines')).toHaveText('0');
}
