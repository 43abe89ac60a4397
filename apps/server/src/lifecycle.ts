/** One dependency the readiness probe checks. */
export interface ReadinessCheck {
  name: string;
  ok: () => boolean;
  /**
   * `false`: when down, the process degrades (reported by `/readyz`) but stays ready, because it
   * still serves the site and its running games (Redis: only new matchmaking stops).
   */
  critical?: boolean;
}

/**
 * Process state shared by the HTTP probes, the rooms and the shutdown sequence: whether the
 * process is draining, and the dependencies that must be up for it to take traffic.
 */
export class Lifecycle {
  #draining = false;
  readonly #checks: ReadinessCheck[] = [];
  readonly #onDraining = new Set<() => void>();

  get draining(): boolean {
    return this.#draining;
  }

  /** Marks the process as draining: `/readyz` answers 503 from now on. */
  startDraining(): void {
    if (this.#draining) return;
    this.#draining = true;
    for (const fn of this.#onDraining) fn();
  }

  /** Calls `fn` once when the process starts draining (leave or SIGTERM); returns the unsubscribe. */
  onDraining(fn: () => void): () => void {
    this.#onDraining.add(fn);
    return () => this.#onDraining.delete(fn);
  }

  /** Adds a dependency to the readiness probe. */
  addCheck(check: ReadinessCheck): void {
    this.#checks.push(check);
  }

  /** Each dependency of the readiness probe and whether it is up now (for the metrics). */
  checks(): { name: string; up: boolean }[] {
    return this.#checks.map((c) => ({ name: c.name, up: safeCheck(c) }));
  }

  /** Why the process is not ready (empty when it is). */
  notReadyReasons(): string[] {
    const reasons = this.#draining ? ['draining'] : [];
    for (const c of this.#checks) {
      if (c.critical !== false && !safeCheck(c)) reasons.push(`${c.name} unavailable`);
    }
    return reasons;
  }

  /** Non-critical dependencies that are down: the process serves, with less (empty when none). */
  degradedReasons(): string[] {
    return this.#checks
      .filter((c) => c.critical === false && !safeCheck(c))
      .map((c) => `${c.name} unavailable`);
  }
}

function safeCheck(c: ReadinessCheck): boolean {
  try {
    return c.ok();
  } catch {
    return false;
  }
}
