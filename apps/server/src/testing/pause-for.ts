import type { TestPlayer } from '@tengen/test-kit';

/** Pauses the room (both games in duo) from `p`, holds `ms`, then resumes it. */
export async function pauseFor(p: TestPlayer, ms: number): Promise<void> {
  p.send('pause', { paused: true });
  await p.until('paused', () => p.room.state.paused);
  await new Promise((r) => setTimeout(r, ms));
  p.send('pause', { paused: false });
  await p.until('resumed', () => !p.room.state.paused);
}
