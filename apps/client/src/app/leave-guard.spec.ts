import { describe, expect, it } from 'vitest';
import { LEAVE_QUESTION, LeaveGuard } from './leave-guard.ts';

describe('LeaveGuard', () => {
  it('lets any route change through when no game runs, without asking or pausing', () => {
    const asked: string[] = [];
    const guard = new LeaveGuard((q) => (asked.push(q), false));
    let paused = 0;
    expect(guard.mayLeave(() => paused++)).toBe(true);
    expect([asked, paused]).toEqual([[], 0]);
  });

  it('pauses a running game, then asks; the answer decides', () => {
    const order: string[] = [];
    let answer = false;
    const guard = new LeaveGuard((q) => (order.push(q), answer));
    guard.playing = true;
    expect(guard.mayLeave(() => order.push('pause'))).toBe(false);
    answer = true;
    expect(guard.mayLeave(() => order.push('pause'))).toBe(true);
    expect(order).toEqual(['pause', LEAVE_QUESTION, 'pause', LEAVE_QUESTION]);
  });
});
