import { matchMaker } from '@colyseus/core';
import { ArraySchema, Decoder, Encoder, schema, t, type SchemaType } from '@colyseus/schema';
import { describe, expect, it } from 'vitest';
import { TestPlayer } from '@tengen/test-kit';
import { useServer } from '@tengen/test-kit/vitest';
import { startTestServer } from '../testing/test-server.ts';
import { leanArrayChanges, newStateView, ViewTable } from './lean-tables.ts';

/** A small deterministic generator (the same sequence every run). */
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('ViewTable', () => {
  it('answers get, has, set, delete, size and clear as a Map does, over 20,000 random operations', () => {
    const rand = lcg(7);
    const keys = Array.from({ length: 6 }, (_, i) => ({ i }));
    const table = new ViewTable<object, number>();
    const map = new Map<object, number>();
    for (let n = 0; n < 20_000; n++) {
      const key = keys[Math.floor(rand() * keys.length)]!;
      const op = rand();
      if (op < 0.4) {
        expect(table.set(key, n)).toBe(table);
        map.set(key, n);
      } else if (op < 0.6) expect(table.delete(key)).toBe(map.delete(key));
      else if (op < 0.65) {
        table.clear();
        map.clear();
      } else expect(table.has(key)).toBe(map.has(key));
      expect(table.get(key)).toBe(map.get(key));
      expect(table.size).toBe(map.size);
    }
  });

  it('holds nothing after clear: every key reads undefined and is set afresh', () => {
    const table = new ViewTable<string, string>();
    table.set('a', '1').set('b', '2').set('a', '3');
    expect([table.size, table.get('a'), table.get('b')]).toEqual([2, '3', '2']);
    table.clear();
    expect([table.size, table.get('a'), table.has('b')]).toEqual([0, undefined, false]);
    table.set('b', '4');
    expect([table.size, table.get('b'), table.get('a')]).toEqual([1, '4', undefined]);
  });
});

describe('ViewTable iteration', () => {
  it('yields keys and entries in the order keys were first set, as a Map does', () => {
    const table = new ViewTable<number, string>();
    const map = new Map<number, string>();
    for (const [k, v] of [
      [4, 'a'],
      [1, 'b'],
      [4, 'c'],
      [9, 'd'],
    ] as const) {
      table.set(k, v);
      map.set(k, v);
    }
    table.delete(1);
    map.delete(1);
    expect([...table.keys()]).toEqual([...map.keys()]);
    expect([...table]).toEqual([...map]);
  });
});

const Counts = schema({ counts: t.array('uint16'), label: t.string().default('') }, 'Counts');
type Counts = SchemaType<typeof Counts>;

describe('leanArrayChanges', () => {
  const twin = (lean: boolean) => {
    const state = new Counts();
    state.counts = new ArraySchema<number>(0, 0, 0, 0, 0, 0, 0);
    if (lean) leanArrayChanges(state.counts);
    const encoder = new Encoder(state);
    const decoded = new Counts();
    const decoder = new Decoder(decoded);
    decoder.decode(encoder.encodeAll());
    encoder.discardChanges();
    return { state, encoder, decoded, decoder };
  };
  /** The raw target's staging array (what `leanArrayChanges` refills in place). */
  const staging = (a: ArraySchema<number>) => (a as unknown as { tmpItems: unknown[] }).tmpItems;

  it('encodes every patch byte for byte as Colyseus does, over 3,000 random changes in place and a few pushes and pops', () => {
    const rand = lcg(11);
    const plain = twin(false);
    const lean = twin(true);
    for (let n = 0; n < 3000; n++) {
      const changes = Math.floor(rand() * 4);
      const structural = n % 500 === 250;
      for (const side of [plain, lean]) {
        const r = lcg(n);
        for (let c = 0; c < changes; c++)
          side.state.counts[Math.floor(r() * side.state.counts.length)] = Math.floor(r() * 500);
        if (structural) side.state.counts.push(n);
        if (n % 500 === 499) side.state.counts.pop();
        if (n % 97 === 0) side.state.label = `n${n}`;
      }
      const bytes = plain.encoder.encode().slice();
      const leanBytes = lean.encoder.encode().slice();
      expect(leanBytes).toEqual(bytes);
      for (const side of [plain, lean]) {
        side.decoder.decode(side === plain ? bytes : leanBytes);
        side.encoder.discardChanges();
        expect([...side.decoded.counts]).toEqual([...side.state.counts]);
      }
    }
    // A change in place: the lean array refills its staging array, Colyseus's makes a new one.
    for (const side of [plain, lean]) {
      const before = staging(side.state.counts);
      side.state.counts[0] = 1;
      side.encoder.encode();
      side.encoder.discardChanges();
      expect(staging(side.state.counts) === before).toBe(side === lean);
    }
  });
});

describe('newStateView', () => {
  it('empties its changes as Map.clear does, even while they are being iterated', () => {
    const view = newStateView();
    const changes = view.changes as unknown as Map<number, Map<number, number>>;
    changes.clear(); // empty: nothing to do
    for (const id of [3, 1, 2]) changes.set(id, new Map([[id, 128]]));
    const seen: number[] = [];
    for (const id of changes.keys()) {
      seen.push(id);
      changes.clear(); // as encodeView's loop may meet a clear
    }
    expect(seen).toEqual([3]);
    expect([changes.size, [...changes.keys()]]).toEqual([0, []]);
    changes.set(5, new Map());
    expect([...changes.keys()]).toEqual([5]);
  });
});

describe('lean patch tables in a real duo room', () => {
  const server = useServer(() => startTestServer());

  it("the room's serializer and every player's view use them; each player sees the other's frames and statistics", async () => {
    const a = await TestPlayer.connect(server.url, 'create', 'duo', { private: true });
    const b = await TestPlayer.connect(server.url, 'joinById', a.room.roomId);
    const room = matchMaker.getLocalRoomById(a.room.roomId) as unknown as {
      _serializer: { encodedViews: unknown };
      clients: { view?: { changes: Map<unknown, unknown> } }[];
    };
    expect(room._serializer.encodedViews).toBeInstanceOf(ViewTable);
    expect(room.clients).toHaveLength(2);
    for (const c of room.clients) expect(c.view?.changes.clear).not.toBe(Map.prototype.clear);
    for (const p of [a, b]) {
      p.send('selectLevel', { level: 9 });
      p.send('ready');
    }
    await Promise.all([a, b].map((p) => p.until('a game', () => p.game)));
    const [ga, gb] = await Promise.all([a.play({ untilFrame: 300 }), b.play({ untilFrame: 240 })]);
    // Every patch went through the lean tables: each client saw the other's final frame.
    expect([ga.frame, gb.frame]).toEqual([300, 240]);
    await a.until("b's last frame", () => a.opponent?.frame === gb.frame);
    await b.until("a's last frame", () => b.opponent?.frame === ga.frame);
    // The piece statistics (a collection, changed at every spawn) arrived whole. (The decoded
    // array also shows an eighth element, 0, as it did before these tables: the client reads the
    // seven it knows.)
    const seven = (stat: (i: number) => number | undefined) =>
      Array.from({ length: 7 }, (_, i) => stat(i));
    expect(seven((i) => a.opponent?.stats?.[i])).toEqual(seven((i) => gb.stat(i)));
    expect(seven((i) => b.opponent?.stats?.[i])).toEqual(seven((i) => ga.stat(i)));
    expect(seven((i) => ga.stat(i)).reduce((n: number, x) => n + (x ?? 0), 0)).toBeGreaterThan(2);
    await Promise.all([a.leave(), b.leave()]);
  });
});
