import { describe, expect, it } from 'vitest';
import { RoomHost } from './room-host.ts';
import { newPlayerState, newRoomState, setRoomPhase } from './room-state.ts';

/** A private (or public, with code '') duo room with these players seated in order. */
function room(code: string, ...ids: string[]) {
  const s = newRoomState('duo', code);
  for (const id of ids) {
    s.players.set(id, newPlayerState());
    RoomHost.claim(s, id);
  }
  return s;
}

describe('RoomHost', () => {
  it('the first player of a private room is its host; public rooms have none', () => {
    expect(room('K7QX', 'a', 'b').host).toBe('a');
    expect(room('', 'a', 'b').host).toBe('');
  });

  it('only the host closes, and only before play', () => {
    const s = room('K7QX', 'a', 'b');
    expect(RoomHost.closeRefusal(s, 'a')).toBeNull();
    expect(RoomHost.closeRefusal(s, 'b')?.code).toBe('notHost');
    expect(RoomHost.closeRefusal(room('', 'a'), 'a')?.code).toBe('notHost');
    setRoomPhase(s, 'playing');
    expect(RoomHost.closeRefusal(s, 'a')?.code).toBe('wrongPhase');
  });

  it('the host leaving closes the room now before play, after play during it; guests change nothing', () => {
    const s = room('K7QX', 'a', 'b');
    expect(RoomHost.onLeave(s, 'b').kind).toBe('none');
    expect(RoomHost.onLeave(s, 'a').kind).toBe('closeNow');
    expect(RoomHost.onLeave(room('K7QX', 'a'), 'a').kind).toBe('none');
    setRoomPhase(s, 'playing');
    expect(RoomHost.onLeave(s, 'a').kind).toBe('closeAfterPlay');
    s.players.get('b')!.left = true;
    expect(RoomHost.onLeave(s, 'a').kind).toBe('none');
  });
});
