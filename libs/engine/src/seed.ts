/** The NES power-on seed. */
export const NES_POWER_ON_SEED = 0x8988;

/** A seed as the replay format writes it: four uppercase hex digits. */
export function seedToHex(seed: number): string {
  return seed.toString(16).toUpperCase().padStart(4, '0');
}

/** Why a replay seed string is unusable, or null when it is fine. */
export function seedProblem(hex: unknown): string | null {
  if (typeof hex !== 'string')
    return `bad seed ${JSON.stringify(hex) ?? String(hex)}: must be a string of 4 hex digits`;
  if (!/^[0-9a-fA-F]{4}$/.test(hex)) return `bad seed ${JSON.stringify(hex)}: must be 4 hex digits`;
  if (hex === '0000')
    return `bad seed "0000": must be 4 hex digits, not 0000 (the generator would stay at 0)`;
  return null;
}

/** Parses a 4-hex-digit seed string (validate with `seedProblem` first). */
export function seedFromHex(hex: string): number {
  return parseInt(hex, 16);
}
