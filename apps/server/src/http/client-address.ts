import { isIPv4, isIPv6 } from 'node:net';
import type { IncomingMessage } from 'node:http';

/**
 * The header the request pipeline writes the client address into (any value a client sends is
 * replaced), so code behind Colyseus's router, which sees only the headers, can read it.
 */
export const CLIENT_ADDRESS_HEADER = 'x-tengen-client-address';

/**
 * The address a request comes from. With `trustedHops` proxies in front (each appends the peer it
 * saw to `X-Forwarded-For`), the client is the entry `trustedHops` places from the right of
 * `[...X-Forwarded-For, socket peer]`; entries further left were written by the client and are
 * ignored. With 0 hops the header is not read at all.
 */
export function clientAddress(req: IncomingMessage, trustedHops: number): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (trustedHops === 0) return peer;
  const raw = req.headers['x-forwarded-for'];
  const header = Array.isArray(raw) ? raw.join(',') : (raw ?? '');
  const chain = [
    ...header
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    peer,
  ];
  return chain[Math.max(0, chain.length - 1 - trustedHops)]!;
}

/**
 * The key limits are counted under: an IPv4 address as is, an IPv6 address by its /64 (one home
 * or phone is given a whole /64, so single IPv6 addresses are free to an attacker). IPv4-mapped
 * IPv6 addresses count as IPv4; anything unparsable is its own key.
 */
export function addressKey(address: string): string {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip)) return ip.slice(0, 64);
  return `${expandIPv6(ip).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, lower-case hex without leading zeros. */
function expandIPv6(ip: string): string[] {
  let text = ip;
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((g) => parseInt(g, 16).toString(16));
}
