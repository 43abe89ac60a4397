// Probe players of the capacity benchmark: a few duo pairs on the real `@colyseus/sdk` client (state
// decoded, as in the browser), each playing its own game in real time. Each measures the path a duo
// player feels: an input batch sent -> the opponent's client has decoded the patch showing it.
import { TestPlayer, testAddress } from '@tengen/test-kit';

type Player = TestPlayer;

/** Probe pairs that keep playing (rematch after rematch) and collect latency samples. */
export class ProbePairs {
  samples: number[] = [];
  failures = 0;
  readonly #players: Player[] = [];
  #running = true;
  readonly #loops: Promise<void>[] = [];

  /** Opens `pairs` private duo rooms at `url` and starts them playing at `level`. */
  async open(url: string, pairs: number, level: number): Promise<void> {
    for (let i = 0; i < pairs; i++) {
      try {
        const headers = { 'x-forwarded-for': testAddress() };
        const a = await TestPlayer.connect(url, 'create', 'duo', { private: true }, { headers });
        const b = await TestPlayer.connect(url, 'joinById', a.room.roomId, {}, { headers });
        this.#players.push(a, b);
        this.#measure(a, b);
        this.#measure(b, a);
        this.#loops.push(
          this.#loop(a, b, level).catch(() => {
            if (this.#running) this.failures++;
          }),
        );
      } catch {
        this.failures++;
      }
    }
  }

  /** The players, two per pair (host first). */
  get players(): readonly Player[] {
    return this.#players;
  }

  /** Samples since the last call (and forgets them). */
  take(): number[] {
    const out = this.samples;
    this.samples = [];
    return out;
  }

  async close(): Promise<void> {
    this.#running = false;
    await Promise.allSettled(this.#players.map((p) => p.leave()));
  }

  /** `from`'s batch ending at frame F -> `to` decodes a state with `from` at frame F. */
  #measure(from: Player, to: Player): void {
    const sentAt = new Map<number, number>();
    from.onBatch = (batch, at) => {
      sentAt.set(batch.from + batch.runs.reduce((n, [c]) => n + c, 0), at);
      if (sentAt.size > 512) sentAt.clear();
    };
    to.room.onStateChange(() => {
      const frame = to.opponent?.frame;
      if (frame === undefined) return;
      const sent = sentAt.get(frame);
      if (sent === undefined) return;
      sentAt.delete(frame);
      this.samples.push(performance.now() - sent);
    });
  }

  async #loop(a: Player, b: Player, level: number): Promise<void> {
    for (const p of [a, b]) {
      p.send('selectLevel', { level });
      p.send('ready');
    }
    while (this.#running) {
      const starts = [a, b].map((p) => p.messages.filter((m) => m.type === 'start').length);
      await Promise.all([a, b].map((p) => p.until('a game', () => p.game, 60_000)));
      await Promise.all([a.play({ leadFrames: 0 }), b.play({ leadFrames: 0 })]);
      if (!this.#running) return;
      await Promise.all(
        [a, b].map((p) => p.until('the game over', () => p.me?.phase === 'over', 30_000)),
      );
      for (const p of [a, b]) p.send('rematch');
      await Promise.all(
        [a, b].map((p, i) =>
          p.until(
            'the rematch',
            () => p.messages.filter((m) => m.type === 'start').length > starts[i]!,
            30_000,
          ),
        ),
      );
    }
  }
}
