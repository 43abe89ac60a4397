import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { RDS_CA_CERTIFICATES } from '@tengen/scores';
import { loadConfig } from './config.ts';
import { storeExtras } from './open-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'server-open-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

const host = 'db.cluster-abc.eu-west-1.rds.amazonaws.com';

describe('storeExtras: what the configuration adds to the PostgreSQL connection', () => {
  it('signs an RDS IAM token per connection with DATABASE_AUTH=iam (the pool calls it)', async () => {
    // Static credentials in the environment: the default AWS credential chain reads them, as it
    // reads the Pod Identity agent's in the cluster.
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAEXAMPLEEXAMPLE00');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'example-secret-key-example-secret-key-0000');
    const config = loadConfig(
      {
        DATABASE_AUTH: 'iam',
        DATABASE_URL: `postgres://tengen@${host}:5432/tengen`,
        AWS_REGION: 'eu-west-1',
        DATABASE_TLS: 'verify-full',
      },
      dir,
    );
    const { password, tls } = storeExtras(config);
    expect(tls).toEqual({ mode: 'verify-full', ca: RDS_CA_CERTIFICATES });
    expect(typeof password).toBe('function');
    const token = await (password as () => Promise<string>)();
    expect(token.startsWith(`${host}:5432/?`)).toBe(true);
    const query = new URLSearchParams(token.slice(token.indexOf('?') + 1));
    expect(query.get('Action')).toBe('connect');
    expect(query.get('DBUser')).toBe('tengen');
    expect(query.get('X-Amz-Credential')).toMatch(
      /^AKIAEXAMPLEEXAMPLE00\/\d{8}\/eu-west-1\/rds-db\//,
    );
  });

  it("adds only TLS with the URL's own password, and nothing with SQLite", () => {
    const pg = loadConfig({ DATABASE_URL: `postgres://tengen:secret@${host}:5432/tengen` }, dir);
    expect(storeExtras(pg)).toEqual({ tls: { mode: 'off' } });
    expect(storeExtras(loadConfig({}, dir))).toEqual({});
  });
});
