import { threadId } from 'node:worker_threads';
import type { RoomStateShape } from '@tengen/protocol';
import { LoadPair } from './load-pair.ts';

// Use the `ws` package rather than Node's built-in WebSocket: its socket exposes exact wire bytes.
// (The SDK picks its WebSocket class when it loads, hence the dynamic import after this. Nothing here
// may import the test kit: it loads the SDK too.)
Reflect.deleteProperty(globalThis, 'WebSocket');
const { Client } = await import('@colyseus/sdk');

let pairsOpened = 0;
/**
 * SDK options giving a pair its own client address (`X-Forwarded-For`, the server trusting one
 * hop), so the per-address limits treat each pair as a network of its own, as behind the ALB.
 */
function pairClientOptions(): { headers: Record<string, string> } {
  const n = ++pairsOpened;
  return { headers: { 'x-forwarded-for': `10.${threadId & 0xff}.${(n >> 8) & 0xff}.${n & 0xff}` } };
}

/** Totals one group reports (summed by `summarize`). */
export interface GroupReport {
  [k: string]: unknown;
  players: number;
  connected: number;
  failures: number;
  bytesIn: number;
  bytesOut: number;
  minutes: number;
  spawns: number;
  moves: number;
  errors: number;
  /** Players whose current game the server unranked (the real-time rules). */
  unranked: number;
  latencies: number[];
}

/** Bot pairs driven by one thread: opened over a ramp, stepped every 16 ms, measured on demand. */
export class LoadGroup {
  readonly pairs: LoadPair[] = [];
  failures = 0;
  readonly #url: string;
  readonly #level: number;
  readonly #ticker: NodeJS.Timeout;

  constructor(url: string, level: number) {
    this.#url = url;
    this.#level = level;
    this.#ticker = setInterval(() => {
      const now = performance.now();
      for (const p of this.pairs) p.tick(now);
    }, 16);
  }

  /** Opens `count` private duo rooms (host + guest by code), spread over `rampMs`. */
  async open(count: number, rampMs: number): Promise<void> {
    const gap = rampMs / Math.max(1, count);
    const opening: Promise<void>[] = [];
    for (let i = 0; i < count; i++) {
      opening.push(this.#openPair().catch(() => void this.failures++));
      await new Promise((r) => setTimeout(r, gap));
    }
    await Promise.all(opening);
  }

  mark(): void {
    const now = performance.now();
    for (const p of this.pairs) p.mark(now);
  }

  report(): GroupReport {
    const now = performance.now();
    const r: GroupReport = {
      players: this.pairs.length * 2,
      connected: 0,
      failures: this.failures,
      bytesIn: 0,
      bytesOut: 0,
      minutes: 0,
      spawns: 0,
      moves: 0,
      errors: 0,
      unranked: 0,
      latencies: [],
    };
    for (const p of this.pairs) {
      const u = p.usage(now);
      r.bytesIn += u.bytesIn;
      r.bytesOut += u.bytesOut;
      r.minutes += u.minutes;
      r.connected += u.connected;
      r.errors += u.errors;
      for (const s of p.seats)
        if (s.room.state.players?.get(s.room.sessionId)?.ranked === false) r.unranked++;
      // Both players of a pair make the same spawns and moves.
      r.spawns += 2 * p.spawns;
      r.moves += 2 * p.moves;
      for (const l of p.latencies) r.latencies.push(l);
    }
    return r;
  }

  async close(): Promise<void> {
    clearInterval(this.#ticker);
    await Promise.allSettled(this.pairs.flatMap((p) => p.seats.map((s) => s.room.leave(true))));
  }

  async #openPair(): Promise<void> {
    // Each pair is its own network (the server limits room creation per address).
    const client = new Client(this.#url, pairClientOptions());
    const host = await client.create<RoomStateShape>('duo', { private: true });
    const guest = await client.joinById<RoomStateShape>(host.roomId, {});
    this.pairs.push(new LoadPair(host, guest));
    for (const room of [host, guest]) {
      room.send('selectLevel', { level: this.#level });
      room.send('ready', {});
    }
  }
}
