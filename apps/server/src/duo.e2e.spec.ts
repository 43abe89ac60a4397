import {
  PIECES_AHEAD,
  ROOM_CODE_ALPHABET,
  ROOM_CODE_LENGTH,
  type ScoresResponse,
} from '@tengen/protocol';
import { describe, expect, it } from 'vitest';
import { useServer } from '@tengen/test-kit/vitest';
import { getJson } from './testing/http.ts';
import { startTestServer } from './testing/test-server.ts';
import { TestPlayer } from '@tengen/test-kit';

let a: TestPlayer;
let b: TestPlayer;
const server = useServer(() => startTestServer());

describe('duo room, end to end over WebSockets', () => {
  it('quick match pairs two players; each sees the other choose; both are dealt the same pieces', async () => {
    a = await TestPlayer.connect(server.url, 'joinOrCreate', 'duo');
    await a.until('waiting for an opponent', () => a.room.state.phase === 'waiting');
    b = await TestPlayer.connect(server.url, 'joinOrCreate', 'duo');
    expect(b.room.roomId).toBe(a.room.roomId);
    await a.until('choosing', () => a.room.state.phase === 'choosing');

    a.send('selectLevel', { level: 15 });
    await b.until('opponent cursor', () => b.opponent?.selectedLevel === 15);
    a.send('ready');
    await b.until('opponent ready', () => b.opponent?.phase === 'ready');
    expect(a.messages.some((m) => m.type === 'start')).toBe(false);
    b.send('selectLevel', { level: 19 });
    b.send('ready');
    const [sa, sb] = await Promise.all([a.message('start'), b.message('start')]);
    expect(sa.pieces).toHaveLength(2 + PIECES_AHEAD);
    expect(sa.pieces).toEqual(sb.pieces);
    expect([sa.startLevel, sb.startLevel]).toEqual([15, 19]);
    await a.until('room playing', () => a.room.state.phase === 'playing');
    expect((a.room.state as unknown as { toJSON(): object }).toJSON()).not.toHaveProperty('seed');
  });

  it('either player pauses both games; late inputs are refused while paused', async () => {
    a.send('pause', { paused: true });
    await b.until('paused seen by the opponent', () => b.room.state.paused);
    await new Promise((r) => setTimeout(r, 1_200));
    const seen = b.messages.length;
    b.send('inputs', { from: 0, runs: [[6, 0]] });
    expect((await b.message('error', seen)).code).toBe('paused');
    expect(b.me?.frame).toBe(0);
    b.send('pause', { paused: false });
    await a.until('resumed', () => !a.room.state.paused);
  });

  it('a top-out is seen by the opponent; a rematch needs both and deals a new sequence', async () => {
    const first = await b.play({ botFrames: 0 });
    await a.until('opponent over', () => a.opponent?.phase === 'over');
    expect(a.opponent?.score).toBe(first.score);
    const seen = b.messages.length;
    const seenA = a.messages.length;
    b.send('restart'); // solo's try again is refused in duo
    expect((await b.message('error', seen)).message).toMatch(/rematch/);
    b.send('rematch');
    await a.until('opponent wants a rematch', () => a.opponent?.rematch === true);
    await a.play({ botFrames: 0 });
    a.send('rematch');
    const restart = await b.message('start', seen);
    const firstStart = b.messages.find((m) => m.type === 'start');
    expect(firstStart?.type === 'start' && restart.pieces).not.toEqual(
      firstStart?.type === 'start' && firstStart.pieces,
    );
    await a.until(
      'opponent playing again',
      () => a.opponent?.phase === 'playing' && a.opponent.frame === 0,
    );
    expect((await a.message('start', seenA)).pieces).toEqual(restart.pieces);
    expect(b.game?.frame).toBe(0);
    expect(b.game?.pieceCount).toBe(1);
  });

  it('a dropped player keeps the seat and resumes from the server snapshot', async () => {
    await b.play({ botFrames: 150, untilFrame: 150 });
    await a.until('opponent at frame 150', () => a.opponent?.frame === 150);
    // The server deals b's next pieces with the patch a just saw: b has them once that message
    // arrives. A drop before then loses it in flight (the resume deals them again, below).
    await b.until(
      'its pieces dealt',
      () => b.pieces.length >= (b.game?.nextDrawIndex ?? Infinity) + PIECES_AHEAD,
    );
    b.room.reconnection.minUptime = 0;
    const seenA = a.messages.length;
    const seenB = b.messages.length;
    (b.room.connection.transport as unknown as { ws: WebSocket }).ws.close(4010, 'network blip');
    await a.message('opponentDropped', seenA);
    const dealt = b.pieces;
    const resume = await b.message('resume', seenB);
    expect(resume.nextFrame).toBe(150);
    // A seedless snapshot, and the same pieces from its draw position as before the drop.
    for (const k of ['seed', 'rng', 'spawnCount', 'spawnId'])
      expect(resume.snapshot).not.toHaveProperty(k);
    expect(resume.types.length).toBe(PIECES_AHEAD);
    expect(resume.types).toEqual(resume.types.map((_, i) => dealt.pieceAt(resume.from + i)));
    await a.message('opponentReconnected', seenA);
    expect(a.opponent?.connected).toBe(true);
    const game = await b.play({ botFrames: 0 });
    await a.until(
      'opponent over after resuming',
      () => a.opponent?.phase === 'over' && a.opponent.frame === game.frame,
    );
  });

  it('a player who leaves for good is reported; the other plays on and submits to the duo board', async () => {
    // a's first game has stood still since the first test, far behind the clock: a rematch.
    await a.play({ botFrames: 0 });
    await a.until('over', () => a.me?.phase === 'over');
    await b.until('over', () => b.me?.phase === 'over');
    const restarted = a.messages.length;
    a.send('rematch');
    b.send('rematch');
    await a.message('start', restarted);
    const playing = a.play({ botFrames: 240, leadFrames: 150 });
    const seen = a.messages.length;
    await b.leave();
    await a.message('opponentLeft', seen);
    const game = await playing;
    await a.until('over', () => a.me?.phase === 'over');
    a.send('submit', { name: 'duo-ace' });
    const submitted = await a.message('submitted');
    expect(submitted.score).toBe(game.score);
    const { body: board } = await getJson<ScoresResponse>(
      `${server.url}/api/scores?mode=duo&limit=5`,
    );
    expect(board.scores).toEqual([
      expect.objectContaining({
        rank: 1,
        name: 'duo-ace',
        score: game.score,
        replayId: submitted.replayId,
      }),
    ]);
    await a.leave();
  });

  it('private rooms get a short code, are never quick-matched, and are joined by code', async () => {
    const host = await TestPlayer.connect(server.url, 'create', 'duo', {
      private: true,
      watchSelf: false,
    });
    const code = await host.until('a room code', () => host.room.state.code);
    expect(code).toMatch(new RegExp(`^[${ROOM_CODE_ALPHABET}]{${ROOM_CODE_LENGTH}}$`));
    expect(host.room.roomId).toBe(code);
    const stranger = await TestPlayer.connect(server.url, 'joinOrCreate', 'duo');
    expect(stranger.room.roomId).not.toBe(code);
    const friend = await TestPlayer.connect(server.url, 'joinById', code);
    expect(friend.room.roomId).toBe(code);
    await host.until('choosing with the friend', () => host.room.state.phase === 'choosing');
    await expect(TestPlayer.connect(server.url, 'joinById', code)).rejects.toThrow();

    // Each client gets the opponent's game projection; without watchSelf, not its own.
    for (const p of [host, friend]) p.send('ready');
    await Promise.all([host.message('start'), friend.message('start')]);
    for (const p of [host, friend]) p.send('inputs', { from: 0, runs: [[10, 0]] });
    await friend.until(
      'host frame seen by the friend',
      () => friend.opponent?.frame === 10 && friend.me?.frame === 10,
    );
    await host.until('friend frame seen by the host', () => host.opponent?.frame === 10);
    expect(host.me?.frame).toBeUndefined();
    expect(host.me?.phase).toBe('playing');
    await Promise.all([host.leave(), stranger.leave(), friend.leave()]);
  });

  it('a seat left before play opens the room to the next quick-match player', async () => {
    const first = await TestPlayer.connect(server.url, 'joinOrCreate', 'duo');
    const quitter = await TestPlayer.connect(server.url, 'joinOrCreate', 'duo');
    expect(quitter.room.roomId).toBe(first.room.roomId);
    first.send('ready');
    const seen = first.messages.length;
    await quitter.leave();
    await first.message('opponentLeft', seen);
    await first.until('waiting again', () => first.room.state.phase === 'waiting');
    const next = await TestPlayer.connect(server.url, 'joinOrCreate', 'duo');
    expect(next.room.roomId).toBe(first.room.roomId);
    next.send('ready');
    await Promise.all([first.message('start'), next.message('start')]);
    await Promise.all([first.leave(), next.leave()]);
  });
});
