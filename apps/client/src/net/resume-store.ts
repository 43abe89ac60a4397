import { RECONNECT_SECONDS, type GameMode } from '@tengen/protocol';
import type { KeyValueStore } from '../input/bindings-store.ts';
import type { RoomLink } from './room-link.ts';

/** localStorage key of the seats this browser may take back after a reload or a closed tab. */
export const RESUME_KEY = 'tengen.resume.v1';

/** Most rooms remembered at once (one per tab is the normal case). */
const MAX_ENTRIES = 8;

/** While connected, the entry's time is refreshed this often (a crash loses at most this much). */
export const RESUME_REFRESH_MS = 5_000;

/** Which screen a remembered seat belongs to. */
export type ResumeMode = GameMode;

/** One remembered seat: the Colyseus reconnection token (`roomId:token`) of a room. */
export interface ResumeEntry {
  roomId: string;
  token: string;
  mode: ResumeMode;
  /** Last time (ms since the epoch) the seat was known to be connected. */
  savedAt: number;
}

const ROOM_ID = /^[A-Za-z0-9_-]{1,64}$/;
const TOKEN_PART = /^[A-Za-z0-9_-]{1,128}$/;

/** The entry as read back from storage, or null when any field is not what `save` writes. */
function validEntry(raw: unknown, now: number): ResumeEntry | null {
  if (raw === null || typeof raw !== 'object') return null;
  const o = raw as Record<string, unknown>;
  const { roomId, token, mode, savedAt } = o;
  if (typeof roomId !== 'string' || !ROOM_ID.test(roomId)) return null;
  if (typeof token !== 'string' || !token.startsWith(`${roomId}:`)) return null;
  if (!TOKEN_PART.test(token.slice(roomId.length + 1))) return null;
  if (mode !== 'solo' && mode !== 'duo') return null;
  if (typeof savedAt !== 'number' || !Number.isFinite(savedAt) || savedAt > now + 60_000)
    return null;
  return { roomId, token, mode, savedAt };
}

/**
 * The reconnection tokens of the rooms this browser is (or was, moments ago) seated in, kept in
 * localStorage so a reloaded page or a reopened link takes its seat back. An entry is good for the
 * server's reconnection window after the seat was last seen connected; expired, malformed or excess
 * entries are dropped on every read and write. Storage failures only cost the resume (never throws).
 */
export class ResumeStore {
  readonly #store: KeyValueStore | null;
  readonly #now: () => number;

  constructor(store: KeyValueStore | null, now: () => number = Date.now) {
    this.#store = store;
    this.#now = now;
  }

  /** The live entry of this room, or null. */
  get(roomId: string): ResumeEntry | null {
    return this.#read().find((e) => e.roomId === roomId) ?? null;
  }

  /** Remembers (or refreshes) the seat of `link`. */
  save(mode: ResumeMode, link: Pick<RoomLink, 'roomId' | 'reconnectionToken'>): void {
    const entry = validEntry(
      { roomId: link.roomId, token: link.reconnectionToken, mode, savedAt: this.#now() },
      this.#now(),
    );
    if (entry === null) return;
    const rest = this.#read().filter((e) => e.roomId !== entry.roomId);
    this.#write([entry, ...rest].slice(0, MAX_ENTRIES));
  }

  /** Forgets a room (left on purpose, or the token was refused). */
  forget(roomId: string): void {
    const all = this.#read();
    const rest = all.filter((e) => e.roomId !== roomId);
    if (rest.length !== all.length) this.#write(rest);
  }

  #read(): ResumeEntry[] {
    let parsed: unknown;
    try {
      const raw = this.#store?.getItem(RESUME_KEY);
      if (raw == null) return [];
      parsed = JSON.parse(raw);
    } catch {
      return [];
    }
    if (!Array.isArray(parsed)) return [];
    const now = this.#now();
    const out: ResumeEntry[] = [];
    for (const raw of parsed.slice(0, MAX_ENTRIES)) {
      const e = validEntry(raw, now);
      if (e !== null && now - e.savedAt <= RECONNECT_SECONDS * 1000) out.push(e);
    }
    return out;
  }

  #write(entries: ResumeEntry[]): void {
    try {
      if (entries.length === 0) this.#store?.removeItem(RESUME_KEY);
      else this.#store?.setItem(RESUME_KEY, JSON.stringify(entries));
    } catch {
      // Storage full or refused: this seat just cannot be resumed after a reload.
    }
  }
}

/**
 * Keeps `link`'s seat in `resume` while it is connected: saved now, after every reconnection (the
 * token changes), every few seconds and when the page is hidden or unloaded; forgotten when the
 * room is left. Returns a function that stops tracking and forgets the seat (a leave on purpose).
 */
export function trackResume(resume: ResumeStore, mode: ResumeMode, link: RoomLink): () => void {
  const save = (): void => resume.save(mode, link);
  save();
  const offs = [link.on('reconnect', save), link.on('leave', () => stop())];
  const timer = setInterval(save, RESUME_REFRESH_MS);
  const target = typeof window === 'undefined' ? null : window;
  target?.addEventListener('pagehide', save);
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    target?.removeEventListener('pagehide', save);
    for (const off of offs) off();
    resume.forget(link.roomId);
  };
  return stop;
}
