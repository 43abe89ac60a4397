import { randomInt } from 'node:crypto';

let next = randomInt(0, 1 << 16);

/**
 * A client address no other test player has used, from 198.18.0.0/15 (set aside for benchmarks),
 * sent as `X-Forwarded-For` to a server started with `TRUSTED_PROXY_HOPS=1`, so each test player is
 * limited as its own network (the per-address matchmaking limits), as behind the load balancer.
 */
export function testAddress(): string {
  next = (next + 1) % (1 << 17);
  return `198.${18 + (next >> 16)}.${(next >> 8) & 0xff}.${next & 0xff}`;
}

/** `@colyseus/sdk` `Client` options that give its requests a fresh `testAddress()`. */
export function testClientOptions(): { headers: Record<string, string> } {
  return { headers: { 'x-forwarded-for': testAddress() } };
}
