import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '@tengen/test-kit/vitest';
import { ConfigError, loadConfig } from './config.ts';

const cwd = useTempDirs('server-config-relay-');
const secret = 's'.repeat(32);

describe('loadConfig: the watch relay', () => {
  it('is off by default: a game server seating spectators in its rooms', () => {
    expect(loadConfig({}, cwd())).toMatchObject({
      role: 'game',
      watchRelayUrl: undefined,
      watchRelaySecret: undefined,
      relayUpstreamUrl: undefined,
    });
  });

  it('reads a game server that seats watchers on a relay', () => {
    const c = loadConfig(
      { WATCH_RELAY_URL: 'http://tengen-relay:2567', WATCH_RELAY_SECRET: secret },
      cwd(),
    );
    expect(c).toMatchObject({
      role: 'game',
      watchRelayUrl: 'http://tengen-relay:2567',
      watchRelaySecret: secret,
    });
  });

  it('reads a relay, which needs no database folder', () => {
    const dir = cwd();
    const c = loadConfig(
      {
        ROLE: 'relay',
        RELAY_UPSTREAM_URL: 'http://tengen-tetris:2567',
        WATCH_RELAY_SECRET: secret,
        PUBLIC_ADDRESS: 'watch.example.com',
      },
      dir,
    );
    expect(c).toMatchObject({ role: 'relay', relayUpstreamUrl: 'http://tengen-tetris:2567' });
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });

  it('refuses incomplete or bad settings, naming the variable', () => {
    const relay = {
      ROLE: 'relay',
      RELAY_UPSTREAM_URL: 'http://game:2567',
      WATCH_RELAY_SECRET: secret,
      PUBLIC_ADDRESS: 'watch.example.com',
    };
    const cases: [Record<string, string>, RegExp][] = [
      [{ ROLE: 'spectator' }, /ROLE/],
      [{ ...relay, RELAY_UPSTREAM_URL: '' }, /RELAY_UPSTREAM_URL.*required with ROLE=relay/],
      [{ ...relay, WATCH_RELAY_SECRET: '' }, /WATCH_RELAY_SECRET.*required with ROLE=relay/],
      [{ ...relay, PUBLIC_ADDRESS: '' }, /PUBLIC_ADDRESS.*required with ROLE=relay/],
      [{ ...relay, RELAY_UPSTREAM_URL: 'redis://game:6379' }, /RELAY_UPSTREAM_URL/],
      [
        { WATCH_RELAY_URL: 'http://relay:2567' },
        /WATCH_RELAY_SECRET.*required with WATCH_RELAY_URL/,
      ],
      [{ WATCH_RELAY_URL: 'relay:2567', WATCH_RELAY_SECRET: secret }, /WATCH_RELAY_URL/],
      [{ WATCH_RELAY_SECRET: 'short' }, /WATCH_RELAY_SECRET.*at least 32/],
    ];
    for (const [env, message] of cases) {
      expect(() => loadConfig(env, cwd()), JSON.stringify(env)).toThrow(ConfigError);
      expect(() => loadConfig(env, cwd()), JSON.stringify(env)).toThrow(message);
    }
  });
});
