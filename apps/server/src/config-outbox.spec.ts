import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const dir = mkdtempSync(join(tmpdir(), 'server-config-outbox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadConfig: score outbox', () => {
  it('keeps the outbox beside the database by default and retries at most every 30 s', () => {
    const c = loadConfig({ DB_FILE: 'db/x.sqlite' }, dir);
    expect(c.outboxDir).toBe(join(dir, 'db'));
    expect(c.outboxRetryMaxMs).toBe(30_000);
  });

  it('reads OUTBOX_DIR (relative to the working folder) and OUTBOX_RETRY_MAX_SECONDS', () => {
    const c = loadConfig({ OUTBOX_DIR: 'scratch/outbox', OUTBOX_RETRY_MAX_SECONDS: '5' }, dir);
    expect(c.outboxDir).toBe(join(dir, 'scratch', 'outbox'));
    expect(c.outboxRetryMaxMs).toBe(5_000);
    expect(loadConfig({ OUTBOX_DIR: '' }, dir).outboxDir).toBe(join(dir, 'data'));
  });

  it.each([['0'], ['3601'], ['1.5'], ['soon']])('refuses OUTBOX_RETRY_MAX_SECONDS=%s', (v) => {
    expect(() => loadConfig({ OUTBOX_RETRY_MAX_SECONDS: v }, dir)).toThrow(ConfigError);
    expect(() => loadConfig({ OUTBOX_RETRY_MAX_SECONDS: v }, dir)).toThrow(
      /OUTBOX_RETRY_MAX_SECONDS/,
    );
  });
});
