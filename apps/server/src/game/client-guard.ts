import { MAX_MESSAGES_PER_SECOND, MAX_REJECTS_PER_SECOND, MESSAGE_BURST } from '@tengen/protocol';
import { TokenBucket } from './token-bucket.ts';

/** What to do with one incoming message. */
export type GuardVerdict = 'accept' | 'flooding';

/**
 * Per-connection limits: more than `MAX_MESSAGES_PER_SECOND` messages per second sustained (beyond
 * a burst of `MESSAGE_BURST`) is flooding; more than `MAX_REJECTS_PER_SECOND` refused messages per
 * second (burst twice that) means a broken or hostile client. Either closes the connection.
 */
export class ClientGuard {
  readonly #messages: TokenBucket;
  readonly #rejects: TokenBucket;
  /** Frames that could not be decoded at all, over the connection's life (for its summary log). */
  malformedFrames = 0;
  /** Decoded messages refused (bad shape, wrong phase), over the connection's life. */
  refusedMessages = 0;

  constructor(now: number) {
    this.#messages = new TokenBucket(MAX_MESSAGES_PER_SECOND, MESSAGE_BURST, now);
    this.#rejects = new TokenBucket(MAX_REJECTS_PER_SECOND, MAX_REJECTS_PER_SECOND * 2, now);
  }

  /** Call for every message before handling it. */
  onMessage(now: number): GuardVerdict {
    return this.#messages.take(now) ? 'accept' : 'flooding';
  }

  /** Call for every refused message; false when the client refuses too often and must go. */
  onReject(now: number): boolean {
    this.refusedMessages++;
    return this.#rejects.take(now);
  }

  /** Call for every undecodable or unknown frame: it counts as a refused message too. */
  onMalformed(now: number): boolean {
    this.malformedFrames++;
    return this.#rejects.take(now);
  }
}
