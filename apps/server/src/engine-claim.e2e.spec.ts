import { Client } from '@colyseus/sdk';
import { ENGINE_VERSION } from '@tengen/engine';
import { MATCHMAKE_REFUSAL, ROOM, type ServerMessage } from '@tengen/protocol';
import { startServerProcess, testAddress } from '@tengen/test-kit';
import { describe, expect, it } from 'vitest';
import { useServer } from '@tengen/test-kit/vitest';
import { matchmake } from './testing/raw-client.ts';

// The rules version over the wire, against the real server process: a page states the version it
// plays when it joins; the server plays every new game under ENGINE_VERSION and says so in `start`.
const server = useServer(() => startServerProcess({ TRUSTED_PROXY_HOPS: '1' }));

const as = () => ({ 'x-forwarded-for': testAddress() });

describe('engine version claims at matchmaking', () => {
  it.each([
    ['create', ROOM.solo],
    ['joinOrCreate', ROOM.duo],
  ])('%s refuses a page claiming version 1 (an old page), in words', async (method, room) => {
    const refused = await matchmake(server.url, method, room, { engineVersion: 1 }, as());
    expect(refused.status).toBe(MATCHMAKE_REFUSAL.otherEngine);
    expect(refused.body).toEqual({
      code: MATCHMAKE_REFUSAL.otherEngine,
      error: 'this page plays other game rules than the server, reload it',
    });
  });

  it('refuses a page newer than the server, and lets in the current version or no claim', async () => {
    const newer = await matchmake(server.url, 'create', ROOM.solo, { engineVersion: 99 }, as());
    expect(newer.status).toBe(MATCHMAKE_REFUSAL.otherEngine);
    const current = { engineVersion: ENGINE_VERSION };
    expect((await matchmake(server.url, 'create', ROOM.solo, current, as())).status).toBe(200);
    expect((await matchmake(server.url, 'create', ROOM.solo, {}, as())).status).toBe(200);
  });

  it('starts a game the page joined with its version under that version', async () => {
    const client = new Client(server.url, { headers: as() });
    const room = await client.create(ROOM.solo, { engineVersion: ENGINE_VERSION });
    const start = new Promise<ServerMessage>((resolve) =>
      room.onMessage('start', (payload) =>
        resolve({ type: 'start', ...(payload as object) } as ServerMessage),
      ),
    );
    room.send('ready', {});
    expect(await start).toMatchObject({ type: 'start', engineVersion: ENGINE_VERSION });
    await room.leave();
  });
});
