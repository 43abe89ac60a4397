// An old page meets a newer server: the page states the rules it plays when it joins, the real
// server (a child process) refuses other rules, and classifyJoinError tells the player to reload.
import { Client } from '@colyseus/sdk';
import { ROOM } from '@tengen/protocol';
import { describe, expect, it } from 'vitest';
import { useServer } from '@tengen/test-kit/vitest';
import { OUTDATED_PAGE_MESSAGE } from '@tengen/client/net/engine-version.ts';
import { classifyJoinError } from '@tengen/client/net/join-errors.ts';
import { ColyseusNet } from '@tengen/client/net/net-client.ts';
import { startServer } from './testing/real-server.ts';

const server = useServer(() => startServer());

describe('a page whose rules differ from the server', () => {
  it('is refused at the join with words a player understands', async () => {
    const old = new Client(server.url);
    const err = await old.create(ROOM.solo, { engineVersion: 1 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(classifyJoinError(err)).toEqual({ kind: 'outdated', message: OUTDATED_PAGE_MESSAGE });
  });

  it('this page, which states its own version, is let in', async () => {
    // ColyseusNet joins with { engineVersion: ENGINE_VERSION }: the server's own rules.
    const link = await new ColyseusNet(server.url).openSolo();
    expect(link).toBeDefined();
    await link.leave();
  });
});
