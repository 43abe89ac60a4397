import { describe, expect, it } from 'vitest';
import { LiveMetadata, liveSummary, type LiveSummary, type Scheduler } from './live-summary.ts';
import { newPlayerState, newRoomState, setPlayerPhase, setRoomPhase } from './room-state.ts';

/** A clock the test moves by hand; due callbacks run in order when it advances. */
class ManualClock implements Scheduler {
  t = 0;
  #jobs: { at: number; fn: () => void }[] = [];
  now = () => this.t;
  setTimeout = (fn: () => void, ms: number) => {
    const job = { at: this.t + ms, fn };
    this.#jobs.push(job);
    return job;
  };
  clearTimeout = (h: unknown) => {
    this.#jobs = this.#jobs.filter((j) => j !== h);
  };
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const due = this.#jobs.filter((j) => j.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.#jobs = this.#jobs.filter((j) => j !== due);
      this.t = due.at;
      due.fn();
    }
    this.t = end;
  }
}

function duoState() {
  const s = newRoomState('duo', '');
  for (const id of ['a', 'b']) s.players.set(id, newPlayerState());
  return s;
}

describe('liveSummary', () => {
  it('is live only while the room plays and someone is still playing; left players are dropped', () => {
    const s = duoState();
    expect(liveSummary(s).live).toBe(false);
    setRoomPhase(s, 'playing');
    s.players.forEach((p) => setPlayerPhase(p, 'playing'));
    const a = s.players.get('a')!;
    a.score = 1200;
    a.lines = 7;
    a.level = 19;
    s.spectators = 3;
    expect(liveSummary(s)).toEqual({
      live: true,
      mode: 'duo',
      spectators: 3,
      players: [
        { phase: 'playing', level: 19, score: 1200, lines: 7 },
        { phase: 'playing', level: 0, score: 0, lines: 0 },
      ],
    });
    setPlayerPhase(a, 'over');
    s.players.get('b')!.left = true;
    expect(liveSummary(s)).toMatchObject({ live: false, players: [{ phase: 'over' }] });
  });
});

describe('LiveMetadata', () => {
  it('publishes at most once per interval, only changes, the latest state', () => {
    const clock = new ManualClock();
    const s = duoState();
    const published: LiveSummary[] = [];
    const live = new LiveMetadata({
      intervalMs: 1_000,
      summarize: () => liveSummary(s),
      publish: async (m) => void published.push(m),
      clock,
    });
    live.touch();
    clock.advance(0);
    expect(published).toHaveLength(1);
    // Ten changes in the next second: one publish, carrying the last of them.
    for (let i = 1; i <= 10; i++) {
      s.spectators = i;
      live.touch();
      clock.advance(100);
    }
    expect(published.map((m) => m.spectators)).toEqual([0, 10]);
    // Touches without a change publish nothing.
    live.touch();
    clock.advance(5_000);
    expect(published).toHaveLength(2);
    // Stopped: nothing more, even with a pending change.
    s.spectators = 11;
    live.touch();
    live.stop();
    clock.advance(5_000);
    expect(published).toHaveLength(2);
  });
});
