import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const dirs: string[] = [];
const cwd = () => {
  const d = mkdtempSync(join(tmpdir(), 'server-config-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

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
      clientDir: join(dir, 'dist', 'apps', 'client'),
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
