/**
 * Messages a client sends. On the wire the Colyseus message type is `type` and the payload is the
 * rest of the object: `room.send('inputs', { from: 120, runs: [[4, 0], [2, 1]] })`.
 * The server validates every one with `parseClientMessage` (`@tengen/protocol/schemas`).
 */
export type ClientMessage =
  /** Move the level cursor (the opponent sees it live). Only while choosing. */
  | { type: 'selectLevel'; level: number }
  /** Lock in the selected level. Play starts when every player in the room is ready. */
  | { type: 'ready' }
  /**
   * Frames `from`, `from + 1`, ... with the buttons held in each, run-length encoded as
   * `[frameCount, buttons]` pairs (the replay's form). `from` must be the next frame the server
   * expects (0 for a new game); bits other than Left|Right|Down|A|B are refused.
   */
  | { type: 'inputs'; from: number; runs: [number, number][] }
  /** Pause or resume; in duo either player pauses both games. */
  | { type: 'pause'; paused: boolean }
  /** Solo, after a top-out: a fresh game at the same level with a new sequence (new seed). */
  | { type: 'restart' }
  /**
   * Duo, after your top-out: you want another game. It starts (new seed for both, same levels)
   * once both players asked; a game not submitted by then can no longer be submitted.
   */
  | { type: 'rematch' }
  /**
   * Store the finished game under this name; the server answers `submitted` or `error`. `key` is
   * the browser's name key (see `NAME_KEY_PATTERN`), absent until the server issued one.
   */
  | { type: 'submit'; name: string; key?: string }
  /** The host of a private room closes it before play; everyone else gets `roomClosed`. */
  | { type: 'closeRoom' };

/** The `type` of a client message. */
export type ClientMessageType = ClientMessage['type'];

/** The payload sent for one client message type (the message without `type`). */
export type ClientPayload<T extends ClientMessageType> = Omit<
  Extract<ClientMessage, { type: T }>,
  'type'
>;

/** Every client message type, for exhaustive handling and tests. */
export const CLIENT_MESSAGE_TYPES = [
  'selectLevel',
  'ready',
  'inputs',
  'pause',
  'restart',
  'rematch',
  'submit',
  'closeRoom',
] as const satisfies readonly ClientMessageType[];
