/** Rooms' flushes due this turn of the event loop, and the ones queued while those run. */
let due: (() => void)[] = [];
let spare: (() => void)[] = [];
let scheduled = false;

function runDue(): void {
  scheduled = false;
  // Flushes queued while these run wait for the next turn, as a setImmediate queued from one would.
  const running = due;
  due = spare;
  let failure: { error: unknown } | null = null;
  for (const flush of running) {
    try {
      flush();
    } catch (error) {
      failure ??= { error };
    }
  }
  running.length = 0;
  spare = running;
  // One room's failure stops no other room's patch; it is thrown as its own setImmediate would.
  if (failure) throw failure.error;
}

/**
 * Runs `flush` once the current I/O batch is handled, as `setImmediate(flush)` would, but with one
 * `setImmediate` for every room due in this turn instead of one per room and input batch: a duo
 * room flushes after each batch, thousands of times a second on a busy process.
 */
export function flushSoon(flush: () => void): void {
  due.push(flush);
  if (scheduled) return;
  scheduled = true;
  setImmediate(runDue);
}
