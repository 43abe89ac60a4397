import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '@tengen/test-kit/vitest';
import { ConfigError, DEFAULT_MAX_CONNECTIONS, loadConfig } from './config.ts';

const cwd = useTempDirs('server-config-');

describe('loadConfig', () => {
  it('has embedded defaults and creates the data folder', () => {
    const dir = cwd();
    const c = loadConfig({}, dir);
    expect(c).toMatchObject({
      host: '0.0.0.0',
      port: 2567,
      dbFile: join(dir, 'data', 'tengen.db'),
      redisUrl: undefined,
      publicAddress: undefined,
      pathPrefix: '',
      logLevel: 'info',
      drainSeconds: 30,
      roomWarmupSeconds: 20,
      clientDir: join(dir, 'dist', 'apps', 'client'),
      trustedProxyHops: 0,
      metricsPort: 9464,
      corsOrigins: [],
      maxConnections: DEFAULT_MAX_CONNECTIONS,
    });
    expect(existsSync(join(dir, 'data'))).toBe(true);
  });

  it('reads every variable and the old names', () => {
    const dir = cwd();
    const c = loadConfig(
      {
        ADDRESS: '127.0.0.1',
        PORT: '8080',
        DB_FILENAME: 'db/x.sqlite',
        REDIS_URL: 'redis://127.0.0.1:6390/0',
        PUBLIC_ADDRESS: 'play.example.com/pods/pod-0',
        LOG_LEVEL: 'warn',
        DRAIN_SECONDS: '5',
        CLIENT_DIR: '/srv/client',
        TRUSTED_PROXY_HOPS: '1',
        METRICS_PORT: '9100',
        CORS_ORIGINS: 'https://a.example, http://localhost:4200',
        MAX_CONNECTIONS: '800',
      },
      dir,
    );
    expect(c).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      dbFile: join(dir, 'db', 'x.sqlite'),
      redisUrl: 'redis://127.0.0.1:6390/0',
      publicAddress: 'play.example.com/pods/pod-0',
      pathPrefix: '/pods/pod-0',
      logLevel: 'warn',
      drainSeconds: 5,
      clientDir: '/srv/client',
      trustedProxyHops: 1,
      metricsPort: 9100,
      corsOrigins: ['https://a.example', 'http://localhost:4200'],
      maxConnections: 800,
    });
    expect(loadConfig({ HOST: 'a', ADDRESS: 'b' }, dir).host).toBe('a');
  });

  it.each([
    [{ PORT: 'http' }, /^invalid PORT="http"/],
    [{ PORT: '70000' }, /PORT/],
    [{ LOG_LEVEL: 'loud' }, /^invalid LOG_LEVEL="loud"/],
    [{ DRAIN_SECONDS: '-1' }, /DRAIN_SECONDS/],
    [{ REDIS_URL: 'http://x' }, /REDIS_URL/],
    [{ PUBLIC_ADDRESS: 'https://x.example.com' }, /PUBLIC_ADDRESS.*host\[:port\]/],
    [{ ADDRESS: '' }, /ADDRESS \(alias of HOST\)/],
    [{ TRUSTED_PROXY_HOPS: '-1' }, /^invalid TRUSTED_PROXY_HOPS="-1"/],
    [{ TRUSTED_PROXY_HOPS: 'alb' }, /^invalid TRUSTED_PROXY_HOPS="alb"/],
    [{ METRICS_PORT: '99999' }, /^invalid METRICS_PORT="99999"/],
    [{ CORS_ORIGINS: '*' }, /^invalid CORS_ORIGINS="\*": expected comma-separated origins/],
    [{ CORS_ORIGINS: 'https://a.example/path' }, /^invalid CORS_ORIGINS=/],
    [{ MAX_CONNECTIONS: '0' }, /^invalid MAX_CONNECTIONS="0"/],
    [{ METRICS_PORT: '2567' }, /^invalid METRICS_PORT="2567": must differ from PORT/],
    [{ MAX_CONNECTIONS: 'lots' }, /^invalid MAX_CONNECTIONS="lots"/],
  ])('stops on %j', (env, message) => {
    expect(() => loadConfig(env, cwd())).toThrow(ConfigError);
    expect(() => loadConfig(env, cwd())).toThrow(message);
  });

  it('names DB_FILE when its folder cannot be created', () => {
    const dir = cwd();
    writeFileSync(join(dir, 'file'), '');
    expect(() => loadConfig({ DB_FILE: 'file/sub/x.db' }, dir)).toThrow(/^invalid DB_FILE=/);
  });
});

describe('DATABASE_URL', () => {
  it('selects PostgreSQL with a postgres:// or postgresql:// URL, SQLite without', () => {
    const dir = cwd();
    expect(loadConfig({}, dir).databaseUrl).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: '' }, dir).databaseUrl).toBeUndefined();
    for (const url of [
      'postgres://tengen:pw@db.internal:5432/tengen',
      'postgresql://tengen@db.internal/tengen?connect_timeout=5',
      'postgres://tengen@localhost/tengen?host=/run/postgresql',
    ])
      expect(loadConfig({ DATABASE_URL: url }, dir).databaseUrl).toBe(url);
  });

  it('refuses other schemes, a missing host or database, and never shows the password', () => {
    const dir = cwd();
    for (const url of [
      'mysql://u:topsecret@h/db',
      'postgres://u:topsecret@h',
      'postgres://u:topsecret@h/',
      'http://u:topsecret@h/db',
      'topsecret',
    ]) {
      const err = (() => {
        try {
          loadConfig({ DATABASE_URL: url }, dir);
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toMatch(/^invalid DATABASE_URL=.*: expected postgres:\/\//);
      expect((err as Error).message).not.toContain('topsecret');
    }
  });
});
