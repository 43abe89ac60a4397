import {
  AHEAD_TOLERANCE_FRAMES,
  BEHIND_BUDGET_FRAMES,
  FRAMES_PER_SECOND,
  MAX_AWAY_SECONDS,
  MAX_PAUSES_PER_GAME,
  MIN_BATCH_FRAMES,
  MAX_PENDING_FRAMES,
  RECONNECT_SECONDS,
} from '@tengen/protocol';
import { describe, expect, it } from 'vitest';
import { PauseClock } from './pause-clock.ts';
import { RealTimeGuard } from './real-time-guard.ts';

const T0 = 1_000_000;
const frameMs = 1000 / FRAMES_PER_SECOND;
/** Wall-clock ms at which `frames` frames of real-time play are due after `t0`. */
const at = (frames: number, t0 = T0) => t0 + frames * frameMs;

/** Plays `frames` frames at `speed` (1 = real time) in batches of `batch`, returns the first verdict. */
function play(
  guard: RealTimeGuard,
  frames: number,
  opts: {
    speed?: number;
    batch?: number;
    lateMs?: (i: number) => number;
    t0?: number;
    from?: number;
  } = {},
) {
  const { speed = 1, batch = MAX_PENDING_FRAMES, lateMs = () => 0, t0 = T0, from = 0 } = opts;
  for (let f = from + batch, i = 0; f <= from + frames; f += batch, i++) {
    const now = t0 + ((f - from) * frameMs) / speed + lateMs(i);
    const verdict = guard.checkBatch(f, now);
    if (verdict) return { verdict, frame: f, seconds: (now - t0) / 1000 };
  }
  return null;
}

describe('RealTimeGuard: behind the clock', () => {
  it('keeps a real-time game with jittery batches and delivery (up to 0.5 s late) ranked', () => {
    const guard = new RealTimeGuard(new PauseClock(), T0);
    let k = 7;
    const jitter = () => ((k = (k * 48271) % 2147483647) % 500) as number;
    const batches = [MIN_BATCH_FRAMES, 11, MAX_PENDING_FRAMES];
    let f = 0;
    for (let i = 0; i < 3000; i++) {
      f += batches[i % 3]!;
      expect(guard.checkBatch(f, at(f) + jitter())).toBeNull();
    }
  });

  it('catches 0.5x slow motion within 8 s and 0.8x within 17 s, while they play', () => {
    const half = play(new RealTimeGuard(new PauseClock(), T0), 60 * 60, { speed: 0.5 });
    expect(half).toMatchObject({ verdict: 'behindClock' });
    expect(half!.seconds).toBeLessThan(8);
    const slow = play(new RealTimeGuard(new PauseClock(), T0), 60 * 60, { speed: 0.8 });
    expect(slow).toMatchObject({ verdict: 'behindClock' });
    expect(slow!.seconds).toBeLessThan(17);
  });

  it('tolerates a stall of 2.5 s once (a throttled tab) but not a 4 s freeze', () => {
    const guard = new RealTimeGuard(new PauseClock(), T0);
    expect(guard.checkBatch(20, at(20))).toBeNull();
    expect(guard.checkBatch(600, at(600) + 2500)).toBeNull();
    expect(guard.lagFrames(600, at(600) + 2500)).toBeLessThanOrEqual(BEHIND_BUDGET_FRAMES);
    expect(guard.checkBatch(620, at(620))).toBeNull();
    const frozen = new RealTimeGuard(new PauseClock(), T0);
    expect(frozen.checkBatch(20, at(20))).toBeNull();
    expect(frozen.checkBatch(600, at(600) + 4000)).toBe('behindClock');
  });

  it('forgives a late start (the start message and first batch delayed) once, up to 2 s', () => {
    const late = new RealTimeGuard(new PauseClock(), T0);
    expect(late.checkBatch(20, at(20) + 1900)).toBeNull();
    expect(late.lagFrames(20, at(20) + 1900)).toBe(0);
    // From then on the budget is whole: 2.9 s more behind is still fine, 3.2 s is not.
    expect(late.checkBatch(600, at(600) + 1900 + 2900)).toBeNull();
    expect(late.checkBatch(620, at(620) + 1900 + 3200)).toBe('behindClock');
    // 2 s forgiven, then the 3 s budget: a start 4.9 s late passes, 5.2 s does not.
    expect(new RealTimeGuard(new PauseClock(), T0).checkBatch(20, at(20) + 4900)).toBeNull();
    expect(new RealTimeGuard(new PauseClock(), T0).checkBatch(20, at(20) + 5200)).toBe(
      'behindClock',
    );
  });

  it('does not let a late first batch tighten the ahead rule', () => {
    const guard = new RealTimeGuard(new PauseClock(), T0);
    expect(guard.checkBatch(20, at(20) + 1500)).toBeNull();
    expect(guard.checkBatch(600 + AHEAD_TOLERANCE_FRAMES, at(600))).toBeNull();
  });

  it('still catches inputs ahead of the clock', () => {
    const guard = new RealTimeGuard(new PauseClock(), T0);
    expect(guard.checkBatch(AHEAD_TOLERANCE_FRAMES, T0)).toBeNull();
    expect(guard.checkBatch(AHEAD_TOLERANCE_FRAMES + 1, T0)).toBe('aheadOfClock');
  });
});

describe('RealTimeGuard: pauses and drops', () => {
  it('does not count a short pause as lag, and counts the pause', () => {
    const clock = new PauseClock();
    const guard = new RealTimeGuard(clock, T0);
    clock.pause(at(300));
    clock.resume(at(300) + 10_000);
    expect(guard.checkPauses(at(300) + 10_000)).toBeNull();
    expect(guard.pauses).toBe(1);
    expect(guard.checkBatch(600, at(600) + 10_000)).toBeNull();
  });

  it(`allows ${MAX_PAUSES_PER_GAME} pauses and unranks at the next one`, () => {
    const clock = new PauseClock();
    const guard = new RealTimeGuard(clock, T0);
    let now = T0;
    for (let i = 0; i < MAX_PAUSES_PER_GAME; i++) {
      clock.pause((now += 1000));
      clock.resume((now += 1000));
      expect(guard.checkPauses(now)).toBeNull();
    }
    clock.pause((now += 1000));
    expect(guard.checkPauses(now)).toBe('pauseLimit');
  });

  it(`unranks more than ${MAX_AWAY_SECONDS} s paused in all`, () => {
    const clock = new PauseClock();
    const guard = new RealTimeGuard(clock, T0);
    clock.pause(T0 + 1000);
    clock.resume(T0 + 1000 + (MAX_AWAY_SECONDS - 1) * 1000);
    expect(guard.checkPauses(T0 + MAX_AWAY_SECONDS * 1000)).toBeNull();
    clock.pause(T0 + 100_000);
    expect(guard.checkPauses(T0 + 101_500)).toBe('pauseLimit');
  });

  it('ignores pauses before the game started (a restart in the same room)', () => {
    const clock = new PauseClock();
    for (let i = 0; i < 5; i++) {
      clock.pause(T0 - 100_000 + i * 20_000);
      clock.resume(T0 - 90_000 + i * 20_000);
    }
    const guard = new RealTimeGuard(clock, T0);
    expect(guard.pauses).toBe(0);
    expect(guard.checkBatch(600, at(600))).toBeNull();
  });

  it(`credits a drop up to ${RECONNECT_SECONDS} s, and counts it toward the time cap`, () => {
    const clock = new PauseClock();
    const guard = new RealTimeGuard(clock, T0);
    guard.drop(at(600));
    guard.reconnect(at(600) + 15_000);
    // The client resumed where the server stopped: 15 s behind the wall clock, all credited.
    expect(guard.checkBatch(620, at(620) + 15_000)).toBeNull();
    expect(guard.awayMs(at(620) + 15_000)).toBe(15_000);
    // A second drop of 60 s: only RECONNECT_SECONDS credited, and the total passes the cap.
    guard.drop(at(1000) + 15_000);
    expect(guard.awayMs(at(1000) + 75_000)).toBe(15_000 + RECONNECT_SECONDS * 1000);
    guard.reconnect(at(1000) + 75_000);
    expect(guard.checkBatch(1020, at(1020) + 15_000 + RECONNECT_SECONDS * 1000)).toBeNull();
    guard.drop(at(2000) + 35_000);
    guard.reconnect(at(2000) + 55_000);
    expect(guard.checkPauses(at(2000) + 55_000)).toBeNull();
    expect(guard.awayMs(at(2000) + 55_000)).toBe(55_000);
    clock.pause(at(2100) + 55_000);
    clock.resume(at(2100) + 61_000);
    expect(guard.checkPauses(at(2100) + 61_000)).toBe('pauseLimit');
  });

  it('does not credit a drop that a room pause already covers twice', () => {
    const clock = new PauseClock();
    const guard = new RealTimeGuard(clock, T0);
    clock.pause(T0 + 1000);
    guard.drop(T0 + 2000);
    guard.reconnect(T0 + 12_000);
    clock.resume(T0 + 13_000);
    expect(guard.awayMs(T0 + 13_000)).toBe(12_000);
  });

  it('does not call a browser that played on through a drop ahead of the clock', () => {
    const guard = new RealTimeGuard(new PauseClock(), T0);
    // A browser that plays on while disconnected owes no credit; being ahead of it is fine.
    guard.drop(at(600));
    guard.reconnect(at(600) + 10_000);
    expect(guard.checkBatch(1200, at(1200))).toBeNull();
  });
});

describe('RealTimeGuard: a duo pause is charged to the player who asked for it', () => {
  it("an opponent's pauses freeze this game but never count toward its limits", () => {
    const clock = new PauseClock();
    const griefer = new RealTimeGuard(clock, T0, 'griefer');
    const victim = new RealTimeGuard(clock, T0, 'victim');
    let now = at(300);
    for (let i = 0; i <= MAX_PAUSES_PER_GAME; i++) {
      clock.pause((now += 1000), 'griefer');
      clock.resume((now += 20_000));
    }
    expect(griefer.pauses).toBe(MAX_PAUSES_PER_GAME + 1);
    expect(griefer.checkPauses(now)).toBe('pauseLimit');
    expect(griefer.awayMs(now)).toBeCloseTo((MAX_PAUSES_PER_GAME + 1) * 20_000, 6);
    expect(victim.pauses).toBe(0);
    expect(victim.awayMs(now)).toBe(0);
    expect(victim.checkPauses(now)).toBeNull();
  });

  it('keeps the wall-clock rules exact for both: the frozen time earns no frames and costs none', () => {
    const clock = new PauseClock();
    const victim = new RealTimeGuard(clock, T0, 'victim');
    clock.pause(at(600), 'griefer');
    clock.resume(at(600) + 80_000);
    // Right after an 80 s pause by the opponent, the victim is exactly on time...
    expect(victim.lagFrames(600, at(600) + 80_000)).toBe(0);
    expect(play(victim, 600, { t0: at(600) + 80_000, from: 600 })).toBeNull();
    // ...and cannot use the frozen time to run ahead of the clock.
    expect(
      victim.checkBatch(1200 + AHEAD_TOLERANCE_FRAMES + MAX_PENDING_FRAMES, at(1200) + 80_000),
    ).toBe('aheadOfClock');
  });

  it("the victim's own pauses still count, beside the opponent's", () => {
    const clock = new PauseClock();
    const victim = new RealTimeGuard(clock, T0, 'victim');
    clock.pause(T0 + 1000, 'griefer');
    clock.resume(T0 + 30_000);
    clock.pause(T0 + 31_000, 'victim');
    expect(victim.awayMs(T0 + 36_000)).toBe(5_000);
    clock.resume(T0 + 36_000);
    expect(victim.pauses).toBe(1);
    clock.pause(T0 + 40_000, 'victim');
    expect(victim.checkPauses(T0 + 40_000 + MAX_AWAY_SECONDS * 1000)).toBe('pauseLimit');
  });
});
