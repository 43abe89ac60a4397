import { describe, expect, it } from 'vitest';
import { SeatWait } from './seat-wait.ts';

describe('SeatWait', () => {
  it('measures from the first player seated alone to the seat that fills the room', () => {
    let now = 1_000;
    const wait = new SeatWait(2, () => now);
    expect(wait.seated(1)).toBeUndefined();
    now += 4_500;
    expect(wait.seated(2)).toBe(4.5);
  });

  it('forgets the wait of a room that emptied, and starts again with the next player', () => {
    let now = 0;
    const wait = new SeatWait(2, () => now);
    wait.seated(1);
    now = 60_000;
    wait.left(0);
    now = 61_000;
    wait.seated(1);
    now = 63_000;
    expect(wait.seated(2)).toBe(2);
  });

  it('keeps the first player waiting when a second one leaves before the start', () => {
    let now = 0;
    const wait = new SeatWait(3, () => now);
    wait.seated(1);
    now = 1_000;
    wait.seated(2);
    wait.left(1);
    now = 5_000;
    wait.seated(2);
    expect(wait.seated(3)).toBe(5);
  });

  it('measures nothing for a one-seat room or a refill with no recorded start', () => {
    const solo = new SeatWait(1, () => 0);
    expect(solo.seated(1)).toBeUndefined();
    const duo = new SeatWait(2, () => 0);
    expect(duo.seated(2)).toBeUndefined();
  });
});
