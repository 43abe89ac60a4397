import { describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from './chromium.ts';
import { pollUntil } from './poll-until.ts';

describe('pollUntil', () => {
  it('resolves with the first value that is not false, null or undefined, sync or async', async () => {
    let n = 0;
    const seen: unknown[] = [false, null, undefined, 0];
    await expect(pollUntil('a value', () => seen[n++] as number | false, 1000, 1)).resolves.toBe(0);
    await expect(pollUntil('async', async () => 'ok', 1000, 1)).resolves.toBe('ok');
  });

  it('fails naming what it waited for', async () => {
    await expect(pollUntil('the outbox to empty', () => false, 30, 5)).rejects.toThrow(
      'timed out waiting for the outbox to empty',
    );
  });
});

describe('chromiumLaunchOptions', () => {
  it('takes CHROMIUM_PATH first and keeps Chromium off the network, plus the extra flags', () => {
    const o = chromiumLaunchOptions(['--mute-audio'], { CHROMIUM_PATH: '/opt/chrome' });
    expect(o.executablePath).toBe('/opt/chrome');
    expect(o.args).toContain('--disable-background-networking');
    expect(o.args.at(-1)).toBe('--mute-audio');
  });

  it('prefers the headless shell to the full Chromium, and leaves Playwright its own without either', () => {
    const only =
      (...paths: string[]) =>
      (p: string) =>
        paths.includes(p);
    const both = only('/usr/bin/chromium-headless-shell', '/usr/bin/chromium');
    expect(chromiumLaunchOptions([], {}, both).executablePath).toBe(
      '/usr/bin/chromium-headless-shell',
    );
    expect(chromiumLaunchOptions([], {}, only('/usr/bin/chromium')).executablePath).toBe(
      '/usr/bin/chromium',
    );
    expect(chromiumLaunchOptions([], {}, only())).not.toHaveProperty('executablePath');
    expect(chromiumLaunchOptions([], { CHROMIUM_PATH: '/opt/chrome' }, both).executablePath).toBe(
      '/opt/chrome',
    );
  });
});
