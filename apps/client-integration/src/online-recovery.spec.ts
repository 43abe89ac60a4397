// Lost frames, for real: batches the server refused, and batches held back while the socket was down.
import { runReplay } from '@tengen/engine';
import { MAX_PENDING_FRAMES, MIN_BATCH_FRAMES, type ServerMessage } from '@tengen/protocol';
import { describe, expect, it } from 'vitest';
import { useServer } from '@tengen/test-kit/vitest';
import type { SessionNotice } from '@tengen/client/game/backend.ts';
import { HttpApi } from '@tengen/client/net/http-api.ts';
import { OnlineSolo } from '@tengen/client/net/online-solo.ts';
import { beginSolo, joinRoom, startServer, until } from './testing/real-server.ts';

const server = useServer(() => startServer());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A started level-19 game, with every server message and notice kept. */
async function started() {
  const joined = await joinRoom(server.url);
  const messages: ServerMessage[] = [];
  joined.link.on('message', (m) => messages.push(m));
  const solo = new OnlineSolo(joined.link);
  const notices: SessionNotice[] = [];
  solo.onNotice((n) => notices.push(n));
  const { paced: pilot } = await beginSolo(solo, 19);
  const me = () => joined.room.state.players.get(joined.room.sessionId)!;
  return { ...joined, messages, notices, solo, pilot, me };
}

/** The name key the server issued with the first submit (one browser: both tests submit as it). */
let nameKey: string | undefined;

/** Plays on to the top-out and submits: the server's re-run must match the client's game. */
async function finishRanked(g: Awaited<ReturnType<typeof started>>): Promise<void> {
  const game = await g.pilot.play({ botFrames: 0 });
  await until('the server saw the top-out', () => g.me().phase === 'over');
  expect(g.me()).toMatchObject({ frame: game.frame, score: game.score, ranked: true });
  const result = await g.solo.submit('recovered', nameKey);
  nameKey ??= result.key;
  expect(result.kind).toBe('stored');
  expect(result.kind === 'stored' && result.rank).toBeGreaterThan(0);
  const replay = await new HttpApi(server.url).replay(result.replayId);
  expect(replay.inputs).toEqual(g.pilot.recorded());
  expect(runReplay(replay)).toMatchObject({ score: game.score, frames: game.frame });
  g.solo.dispose();
}

// Idle play is batched by the protocol's policy: a first batch of MIN_BATCH_FRAMES (the buttons
// "changed" from nothing), then one every MAX_PENDING_FRAMES. `afterBatches(n)`: the frame count at which n batches went out and nothing is pending.
const afterBatches = (batches: number) => MIN_BATCH_FRAMES + (batches - 1) * MAX_PENDING_FRAMES;

const errors = (ms: ServerMessage[]) =>
  ms.filter((m) => m.type === 'error').map((m) => [m.code, m.expectedFrame]);

describe('OnlineSession recovery against the real server', () => {
  it('re-sends from the recording when the server reports missing frames, once per gap', async () => {
    const g = await started();
    await g.pilot.play({ untilFrame: afterBatches(4), botFrames: 0 });
    await until('every frame played on the server', () => g.me().frame === afterBatches(4));

    // The room is paused from elsewhere (the room socket, as a duo opponent would); this client
    // keeps playing past the grace time, so the server refuses (drops) its next two batches.
    g.pilot.holdClock(true);
    g.room.send('pause', { paused: true });
    await until('paused', () => g.room.state.paused);
    await sleep(1_200);
    for (let i = 0; i < 40; i++) g.pilot.step(0);
    await until('two refused batches', () => errors(g.messages).length === 2);
    g.room.send('pause', { paused: false });
    await until('unpaused', () => !g.room.state.paused);
    g.pilot.holdClock(false);

    // Two more batches go out at once; the server refuses both (it still expects the first lost frame) and the
    // client re-sends the lost frames from its recording after the first refusal only.
    for (let i = 0; i < 40; i++) g.pilot.step(0);
    await until('the gap filled', () => g.me().frame === afterBatches(4) + 80);
    await sleep(200);
    expect(errors(g.messages)).toEqual([
      ['paused', undefined],
      ['paused', undefined],
      ['badFrame', afterBatches(4)],
      ['badFrame', afterBatches(4)],
    ]);
    await finishRanked(g);
  });

  it('holds batches back while disconnected and sends the gap after the reconnection', async () => {
    const g = await started();
    await g.pilot.play({ untilFrame: afterBatches(4), botFrames: 0 });
    await until('every frame played on the server', () => g.me().frame === afterBatches(4));
    await sleep(1_000); // the client lets the SDK reconnect rooms older than a second

    // The network drops the socket: the SDK reconnects by itself; meanwhile play goes on.
    (g.room.connection.transport as unknown as { ws: WebSocket }).ws.close(4010, 'network blip');
    await until('the drop noticed', () => g.notices.length > 0);
    for (let i = 0; i < 40; i++) g.pilot.step(i % 7 === 0 ? 1 : 0);
    await until('the reconnection noticed', () => g.notices.length > 1);
    const resume = await until('resume', () => g.messages.find((m) => m.type === 'resume'));
    expect(resume).toMatchObject({ nextFrame: afterBatches(4) });
    await until('the gap filled', () => g.me().frame === afterBatches(4) + 40 && g.me().connected);
    expect(g.notices).toEqual([{ kind: 'dropped' }, { kind: 'reconnected' }]);
    // Nothing was queued in the SDK during the drop: no stale batch reached the server.
    expect(errors(g.messages)).toEqual([]);
    await finishRanked(g);
  });
});
