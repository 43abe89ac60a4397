import type { Presence } from '@colyseus/core';

/**
 * Readiness of the Redis connection, checked through the presence API every `intervalMs`: ready
 * while the latest round trip succeeded within `timeoutMs`.
 */
export class RedisProbe {
  #ok = false;
  #timer: NodeJS.Timeout | undefined;
  readonly #presence: Presence;
  readonly #timeoutMs: number;

  constructor(presence: Presence, opts: { intervalMs?: number; timeoutMs?: number } = {}) {
    this.#presence = presence;
    this.#timeoutMs = opts.timeoutMs ?? 1_000;
    this.#timer = setInterval(() => void this.check(), opts.intervalMs ?? 2_000);
    this.#timer.unref();
  }

  get ok(): boolean {
    return this.#ok;
  }

  /** One round trip; updates and returns `ok`. */
  async check(): Promise<boolean> {
    let timeout: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timeout = setTimeout(() => reject(new Error('timeout')), this.#timeoutMs);
    });
    try {
      await Promise.race([this.#presence.exists('tengen:probe'), expired]);
      this.#ok = true;
    } catch {
      this.#ok = false;
    } finally {
      clearTimeout(timeout);
    }
    return this.#ok;
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
