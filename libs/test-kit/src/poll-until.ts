/**
 * Resolves with what `check` returns once that is neither false, null nor undefined, polling it
 * every `intervalMs` (for state outside any event: a file, a database, an HTTP answer); fails
 * naming `what` after `timeoutMs`.
 */
export async function pollUntil<T>(
  what: string,
  check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== null && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
