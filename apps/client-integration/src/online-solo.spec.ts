// OnlineSolo over a real room on the real server (a child process): what the server saw is the proof.
import { Button, PIECE_TYPES, PieceQueue } from '@tengen/engine';
import { InputBatcher, PIECES_AHEAD, type ServerMessage } from '@tengen/protocol';
import { describe, expect, it } from 'vitest';
import { expectReplayReproduces, useServer } from '@tengen/test-kit/vitest';
import { HttpApi } from '@tengen/client/net/http-api.ts';
import { OnlineSolo } from '@tengen/client/net/online-solo.ts';
import { beginSolo, joinRoom, startServer, until } from './testing/real-server.ts';

const server = useServer(() => startServer());

describe('OnlineSolo against the real server', () => {
  it('picks the level, readies and starts on the pieces the server deals (no seed)', async () => {
    const { room, link } = await joinRoom(server.url);
    const solo = new OnlineSolo(link);
    solo.cursor(3);
    await until(
      'the cursor mirrored',
      () => room.state.players?.get(room.sessionId)?.selectedLevel === 3,
    );
    const started = await solo.start(7, () => []);
    expect(started.startLevel).toBe(7);
    await until('the room playing', () => room.state.phase === 'playing');
    expect(started.seed).toBeUndefined();
    expect(started.pieces).toBeInstanceOf(PieceQueue);
    expect((started.pieces as PieceQueue).length).toBe(2 + PIECES_AHEAD);
    expect((room.state as unknown as { toJSON(): object }).toJSON()).not.toHaveProperty('seed');
    expect(room.state.players.get(room.sessionId)).toMatchObject({
      phase: 'playing',
      selectedLevel: 7,
      startLevel: 7,
      ranked: true,
    });
    solo.dispose();
  });

  it('streams every frame contiguously, flushes before a pause and at game over; submit reports the rank or the refusal', async () => {
    const { room, link } = await joinRoom(server.url);
    const errors: ServerMessage[] = [];
    link.on('message', (m) => m.type === 'error' && errors.push(m));
    const me = () => room.state.players.get(room.sessionId)!;
    const solo = new OnlineSolo(link);
    const { start, paced: pilot } = await beginSolo(solo, 19);

    // 20 idle frames then 30 with Left held; the protocol's batching policy leaves the last few pending.
    const policy = new InputBatcher();
    let batched = 0;
    for (let f = 0; f < 50; f++) {
      const buttons = f < 20 ? 0 : Button.Left;
      if (policy.push(buttons)) batched = policy.nextFrame;
      pilot.step(buttons);
    }
    expect(batched).toBeGreaterThan(20);
    expect(batched).toBeLessThan(50);
    await until('the full batches', () => me().frame === batched);
    pilot.holdClock(true);
    solo.pause(true);
    await until('the pending frames and the pause', () => me().frame === 50 && room.state.paused);
    pilot.holdClock(false);
    solo.pause(false);
    await until('unpaused', () => !room.state.paused);

    // On to the top-out in real time; the last frames go out with it, not after a batch fills.
    const game = await pilot.play({ botFrames: 0 });
    expect(game.topOut).toBe(true);
    await until('the server saw the top-out', () => me().phase === 'over');
    expect(me()).toMatchObject({
      frame: game.frame,
      score: game.score,
      lines: game.lines,
      ranked: true,
    });
    expect(errors).toEqual([]);

    await expect(solo.submit('bad"name')).rejects.toThrow(/only contain letters/);
    const result = await solo.submit('ann');
    expect(result).toMatchObject({ kind: 'stored', rank: 1, score: game.score });
    await expect(solo.submit('ann')).rejects.toThrow('already submitted');

    // The server stored exactly the frames the client played, in order.
    const replay = await new HttpApi(server.url).replay(result.replayId);
    expect(replay).toMatchObject({ startLevel: 19 });
    expect(replay.inputs).toEqual(pilot.recorded());
    const summary = expectReplayReproduces(replay, game);
    // The stored seed deals exactly the pieces the client was sent, one by one.
    const dealt = Array.from(summary.pieces, (_, i) => PIECE_TYPES[start.pieces!.pieceAt(i)!]);
    expect(summary.pieces).toBe(dealt.join(''));
    solo.dispose();
  });
});
