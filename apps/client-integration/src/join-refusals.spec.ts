// The server's abuse limits as a player meets them: ColyseusNet (the production client) against the
// real server (a child process), each refusal turned into words by classifyJoinError.
import {
  CODE_JOIN_BURST,
  ROOM_CODE_ALPHABET,
  ROOM_CODE_LENGTH,
  ROOM_CREATE_BURST,
} from '@tengen/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { ColyseusNet, JoinError } from '@tengen/client/net/net-client.ts';
import type { RoomLink } from '@tengen/client/net/room-link.ts';
import { startServer, type RealServer } from './testing/real-server.ts';

const servers: RealServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

async function refusal(attempt: Promise<RoomLink>): Promise<JoinError> {
  const err = await attempt.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(JoinError);
  return err as JoinError;
}

/** Opens a solo room once the server has seen the previous player's socket close (cap of 1). */
async function openWhenFree(net: ColyseusNet): Promise<RoomLink> {
  for (let i = 0; ; i++) {
    try {
      return await net.openSolo();
    } catch (err) {
      // A refusal for a full server spends no room creation: try again shortly.
      if (!(err instanceof JoinError) || err.failure.kind !== 'serverFull' || i > 50) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

describe('refusals a player can meet, in words', () => {
  it('too many rooms, too many codes tried, the server full', async () => {
    const server = await startServer({ MAX_CONNECTIONS: '1' });
    servers.push(server);
    const net = new ColyseusNet(server.url);

    // The server is full: one player is in, the next is told to come back shortly.
    const first = await net.openSolo();
    const full = await refusal(net.quickMatch());
    expect(full.failure).toEqual({
      kind: 'serverFull',
      message: 'The server is full right now. Try again in a moment.',
    });
    await first.leave();

    // Every player here comes from one address (this machine): it opens rooms until refused.
    for (let i = 1; i < ROOM_CREATE_BURST; i++) await (await openWhenFree(net)).leave();
    const rooms = await refusal(openWhenFree(net));
    expect(rooms.failure).toEqual({
      kind: 'rateLimited',
      message: 'Too many rooms were opened from your network. Wait a minute, then try again.',
    });

    // Wrong codes: "no such room" until the attempts run out, then "wait a minute".
    const code = 'Y'.repeat(ROOM_CODE_LENGTH);
    expect(ROOM_CODE_ALPHABET).toContain('Y');
    for (let i = 0; i < CODE_JOIN_BURST; i++)
      expect((await refusal(net.joinPrivate(code))).failure.kind).toBe('notFound');
    const codes = await refusal(net.joinPrivate(code));
    expect(codes.failure).toEqual({
      kind: 'rateLimited',
      message: 'Too many room codes were tried from your network. Wait a minute, then try again.',
    });
  });
});
