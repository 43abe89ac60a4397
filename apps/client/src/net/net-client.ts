import { ENGINE_VERSION } from '@tengen/engine';
import { ROOM, type LiveResponse } from '@tengen/protocol';
import { HttpApi } from './http-api.ts';
import { classifyJoinError, type JoinFailure } from './join-errors.ts';
import { fetchLive, reserveWatch } from './live-api.ts';
import { linkRoom, type RoomLink } from './room-link.ts';

/** Join options stating the rules this page plays; the server refuses a page whose rules differ. */
const PLAYS = { engineVersion: ENGINE_VERSION };

/** A failed join, carrying the classified reason. */
export class JoinError extends Error {
  override name = 'JoinError';
  readonly failure: JoinFailure;
  constructor(failure: JoinFailure) {
    super(failure.message);
    this.failure = failure;
  }
}

/** The online services the screens use; implemented over HTTP and the Colyseus SDK. */
export interface NetClient {
  readonly api: HttpApi;
  /** A new solo room (every solo game is played on the server so its score can be verified). */
  openSolo(): Promise<RoomLink>;
  /** Joins a public duo room with a waiting player, or opens one. */
  quickMatch(): Promise<RoomLink>;
  /** Opens a private duo room; its code is in the state (`code`). */
  createPrivate(): Promise<RoomLink>;
  /** Joins a private duo room by code. */
  joinPrivate(code: string): Promise<RoomLink>;
  /** Takes a dropped seat back (`roomId:token`, see `RoomLink.reconnectionToken`). */
  reconnect(token: string): Promise<RoomLink>;
  /** One page of the public games being played now (the Live page). */
  live(offset: number): Promise<LiveResponse>;
  /** Watches a room as a spectator (read-only); throws an `ApiError` or `JoinError` to show. */
  watch(roomId: string): Promise<RoomLink>;
}

type Sdk = typeof import('@colyseus/sdk');

/**
 * `NetClient` over the Colyseus 0.18 SDK, loaded on first use so a first visit to the title screen
 * does not download it. `serverUrl` is the page origin in production and in dev (Vite proxies the
 * matchmaker and room sockets), or `VITE_SERVER_URL` when set.
 */
export class ColyseusNet implements NetClient {
  readonly api: HttpApi;
  readonly #url: string;
  #client: Promise<InstanceType<Sdk['Client']>> | null = null;

  constructor(serverUrl: string) {
    this.#url = serverUrl;
    this.api = new HttpApi(serverUrl);
  }

  #sdk(): Promise<InstanceType<Sdk['Client']>> {
    this.#client ??= import('@colyseus/sdk').then((m) => new m.Client(this.#url));
    return this.#client;
  }

  async #join(
    fn: (c: InstanceType<Sdk['Client']>) => Promise<Parameters<typeof linkRoom>[0]>,
    code?: string,
  ): Promise<RoomLink> {
    try {
      return linkRoom(await fn(await this.#sdk()));
    } catch (err) {
      throw new JoinError(classifyJoinError(err, code));
    }
  }

  openSolo(): Promise<RoomLink> {
    return this.#join((c) => c.create(ROOM.solo, PLAYS));
  }

  quickMatch(): Promise<RoomLink> {
    return this.#join((c) => c.joinOrCreate(ROOM.duo, PLAYS));
  }

  createPrivate(): Promise<RoomLink> {
    return this.#join((c) => c.create(ROOM.duo, { private: true, ...PLAYS }));
  }

  joinPrivate(code: string): Promise<RoomLink> {
    return this.#join((c) => c.joinById(code, PLAYS), code);
  }

  reconnect(token: string): Promise<RoomLink> {
    return this.#join((c) => c.reconnect(token));
  }

  live(offset: number): Promise<LiveResponse> {
    return fetchLive(this.#url.replace(/\/$/, ''), offset);
  }

  async watch(roomId: string): Promise<RoomLink> {
    const reservation = await reserveWatch(this.#url.replace(/\/$/, ''), roomId);
    return this.#join((c) => c.consumeSeatReservation(reservation));
  }
}

/** The server's base URL: `VITE_SERVER_URL` when set at build time, else this page's origin. */
export function serverUrl(env: Record<string, unknown>, origin: string): string {
  const v = env['VITE_SERVER_URL'];
  return typeof v === 'string' && v.length > 0 ? v : origin;
}
