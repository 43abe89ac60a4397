import { RECONNECT_SECONDS } from '@tengen/protocol';
import { describe, expect, it } from 'vitest';
import { memoryStore, refusingStore } from '../testing/memory-store.ts';
import { RESUME_KEY, ResumeStore } from './resume-store.ts';

const seat = (roomId: string, token = 'Tok_en-1') => ({
  roomId,
  reconnectionToken: `${roomId}:${token}`,
});

describe('ResumeStore', () => {
  it('remembers a seat per room until the reconnection window after it was last seen', () => {
    let now = 1_000_000;
    const kv = memoryStore();
    const store = new ResumeStore(kv, () => now);
    store.save('duo', seat('K7QX'));
    store.save('solo', seat('aB3_x-Yz9', 'other'));
    expect(store.get('K7QX')).toEqual({
      roomId: 'K7QX',
      token: 'K7QX:Tok_en-1',
      mode: 'duo',
      savedAt: now,
    });
    expect(store.get('aB3_x-Yz9')?.mode).toBe('solo');
    now += RECONNECT_SECONDS * 1000;
    expect(store.get('K7QX')).not.toBeNull();
    now += 1;
    expect(store.get('K7QX')).toBeNull();
    // Expired entries are dropped from storage on the next write.
    store.save('duo', seat('NEW1'));
    expect(JSON.parse(kv.getItem(RESUME_KEY)!)).toHaveLength(1);
  });

  it('refreshing a seat replaces its token; forgetting removes it', () => {
    const store = new ResumeStore(memoryStore());
    store.save('duo', seat('K7QX', 'first'));
    store.save('duo', seat('K7QX', 'second'));
    expect(store.get('K7QX')?.token).toBe('K7QX:second');
    store.forget('K7QX');
    expect(store.get('K7QX')).toBeNull();
  });

  it('keeps at most 8 rooms, the most recent first', () => {
    const store = new ResumeStore(memoryStore());
    for (let i = 0; i < 10; i++) store.save('duo', seat(`ROOM${i}`));
    expect(store.get('ROOM9')).not.toBeNull();
    expect(store.get('ROOM2')).not.toBeNull();
    expect(store.get('ROOM1')).toBeNull();
    expect(store.get('ROOM0')).toBeNull();
  });

  it.each([
    ['not JSON', '{'],
    ['not a list', '{"roomId":"K7QX"}'],
    ['token of another room', '[{"roomId":"K7QX","token":"ZZZZ:abc","mode":"duo","savedAt":1}]'],
    ['odd token characters', '[{"roomId":"K7QX","token":"K7QX:a b","mode":"duo","savedAt":1}]'],
    ['unknown mode', '[{"roomId":"K7QX","token":"K7QX:abc","mode":"trio","savedAt":1}]'],
    ['time in the future', '[{"roomId":"K7QX","token":"K7QX:abc","mode":"duo","savedAt":9e15}]'],
    ['bad room id', '[{"roomId":"../x","token":"../x:abc","mode":"duo","savedAt":1}]'],
  ])('ignores stored data that is not what it writes: %s', (_what, raw) => {
    const kv = memoryStore();
    kv.setItem(RESUME_KEY, raw);
    const store = new ResumeStore(kv, () => 1000);
    expect(store.get('K7QX')).toBeNull();
    expect(store.get('../x')).toBeNull();
  });

  it('never throws when storage refuses', () => {
    const refusing = refusingStore;
    const store = new ResumeStore(refusing);
    expect(() => store.save('duo', seat('K7QX'))).not.toThrow();
    expect(store.get('K7QX')).toBeNull();
    expect(() => new ResumeStore(null).save('solo', seat('K7QX'))).not.toThrow();
  });
});
