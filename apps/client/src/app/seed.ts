/** A fresh randomizer seed 1..0xFFFF from the platform's CSPRNG (offline solo and the demo only). */
export function freshSeed(cryptoImpl: Pick<Crypto, 'getRandomValues'> = globalThis.crypto): number {
  const buf = new Uint16Array(1);
  for (;;) {
    cryptoImpl.getRandomValues(buf);
    if (buf[0] !== 0) return buf[0]!;
  }
}
