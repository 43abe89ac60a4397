import { decodeReplayBinary, parseReplay, ReplayError, type Replay } from '@tengen/engine';

/** Largest replay file the theater opens (a 19-hour game is about 6 MB of JSON). */
export const MAX_REPLAY_FILE_BYTES = 8 * 1024 * 1024;

/** A replay file that cannot be played; the message is written for players. */
export class ReplayFileError extends Error {
  override name = 'ReplayFileError';
}

/**
 * Reads a replay file chosen by the player: replay JSON (what the theater downloads, what
 * `npm run replay` reads) or the compact binary form ("TR" header), validated by the engine's own
 * parser. Throws `ReplayFileError` saying what is wrong with the file.
 */
export function readReplayFile(name: string, bytes: Uint8Array): Replay {
  if (bytes.length === 0) throw new ReplayFileError(`${name} is empty: it is not a replay.`);
  if (bytes.length > MAX_REPLAY_FILE_BYTES)
    throw new ReplayFileError(
      `${name} is too big (${Math.round(bytes.length / 1024)} KB) to be a replay: the limit is ${MAX_REPLAY_FILE_BYTES / 1024 / 1024} MB.`,
    );
  try {
    if (bytes[0] === 0x54 && bytes[1] === 0x52) return decodeReplayBinary(bytes);
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
      throw new ReplayFileError(`${name} is not a replay file (it is not replay JSON).`);
    }
    return parseReplay(json);
  } catch (err) {
    if (err instanceof ReplayError)
      throw new ReplayFileError(`${name} is not a valid replay: ${err.message}.`);
    throw err;
  }
}

/** The file name a downloaded replay gets: player, score and id when known. */
export function replayFileName(parts: { name?: string; score: number; id?: string }): string {
  const who = (parts.name ?? 'replay').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return `tengen-${who || 'replay'}-${parts.score}${parts.id ? `-${parts.id}` : ''}.json`;
}
