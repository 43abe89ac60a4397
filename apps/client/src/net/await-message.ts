import type { ServerMessage, ServerMessageType } from '@tengen/protocol';
import type { RoomLink } from './room-link.ts';

/**
 * Resolves with the next server message of one of `types`; rejects on an `error` message whose code
 * is in `failOn`, when the room is left, or after `timeoutMs`.
 */
export function awaitMessage<T extends ServerMessageType>(
  link: RoomLink,
  types: readonly T[],
  opts: { failOn?: readonly string[]; timeoutMs?: number } = {},
): Promise<Extract<ServerMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const offs: (() => void)[] = [];
    const done = (): void => offs.forEach((f) => f());
    const timer = setTimeout(() => {
      done();
      reject(new Error('The server did not answer in time. Please try again.'));
    }, opts.timeoutMs ?? 10_000);
    offs.push(() => clearTimeout(timer));
    offs.push(
      link.on('message', (m) => {
        if ((types as readonly string[]).includes(m.type)) {
          done();
          resolve(m as Extract<ServerMessage, { type: T }>);
        } else if (m.type === 'error' && (opts.failOn ?? []).includes(m.code)) {
          done();
          reject(new Error(m.message));
        }
      }),
    );
    offs.push(
      link.on('leave', (_r, _c, message) => {
        done();
        reject(new Error(message || 'The connection to the server was lost.'));
      }),
    );
  });
}
