import { PieceQueue } from '@tengen/engine';
import type { ServerMessage } from '@tengen/protocol';
import type { GameStart, SessionNotice, SubmitResult } from '../game/backend.ts';
import { serverEngineVersion } from './engine-version.ts';
import { awaitMessage } from './await-message.ts';
import { InputStream, type Runs } from './input-stream.ts';
import { unrankedNotice } from './unranked-notice.ts';
import type { RoomLink } from './room-link.ts';

// Errors are not tied to a request: only these can be the answer to `ready`/`restart`.
const START_ERRORS = ['draining'] as const;
const SUBMIT_ERRORS = [
  'badName',
  'notOver',
  'unranked',
  'alreadySubmitted',
  'saveFailed',
  'draining',
  'wrongPhase',
  'copiedGame',
  'nameTaken',
] as const;

/**
 * Online play over a room: the server keeps the seed and deals the pieces (a queue the local engine
 * draws from), re-runs the inputs and stores the score.
 */
export class OnlineSession {
  readonly link: RoomLink;
  readonly #notices = new Set<(n: SessionNotice) => void>();
  #stream: InputStream | null = null;
  /** The current game's pieces, as the server deals them (`start`, `pieces`, `resume`). */
  #pieces: PieceQueue | null = null;
  #recorded: () => Runs = () => [];
  #unranked: string | null = null;
  #draining = false;
  /** False between a drop and the reconnection: batches are not handed to the SDK's send queue. */
  #connected = true;
  /** The frame the last resend started from, so a burst of stale-batch refusals triggers one resend. */
  #resentFrom = -1;
  /** The first frame the recording holds (0, or the frame a game resumed after a reload starts at). */
  #recordedFrom = 0;
  /** A `resume` that came while no game ran here (a reloaded page): the game to rebuild. */
  #orphanResume: Extract<ServerMessage, { type: 'resume' }> | null = null;
  readonly #offs: (() => void)[] = [];

  constructor(link: RoomLink) {
    this.link = link;
    this.#offs.push(link.on('message', (m) => this.#onMessage(m)));
    this.#offs.push(
      link.on('drop', () => {
        this.#connected = false;
        this.#notify({ kind: 'dropped' });
      }),
    );
    this.#offs.push(
      link.on('reconnect', () => {
        this.#connected = true;
        this.#notify({ kind: 'reconnected' });
      }),
    );
    this.#offs.push(
      link.on('leave', (reason, _code, message) => {
        if (reason === 'consented') return;
        const text =
          reason === 'serverShutdown'
            ? 'The server restarted. Your game ended; start a new one.'
            : `The connection to the server was lost${message ? ` (${message})` : ''}.`;
        this.#notify({ kind: 'lost', message: text });
      }),
    );
  }

  /** Why a submit cannot work now, or null. */
  submitBlocked(): string | null {
    return this.#unranked;
  }

  get draining(): boolean {
    return this.#draining;
  }

  onNotice(fn: (n: SessionNotice) => void): () => void {
    this.#notices.add(fn);
    return () => this.#notices.delete(fn);
  }

  /** Waits for `start` (after `ready` or `restart`) and opens a fresh input stream. */
  async awaitStart(recorded: () => Runs): Promise<GameStart> {
    const m = await awaitMessage(this.link, ['start'], {
      failOn: START_ERRORS,
      timeoutMs: 60 * 60_000,
    });
    this.#open(recorded, 0);
    return {
      pieces: this.#deal(0, m.pieces),
      startLevel: m.startLevel,
      version: serverEngineVersion(m.engineVersion),
    };
  }

  /**
   * After taking a seat back from a reloaded page: waits for the server's `resume` (or uses the one
   * that already came) and continues the input stream from the server's frame.
   */
  async awaitResume(recorded: () => Runs): Promise<GameStart> {
    const m = this.#orphanResume ?? (await awaitMessage(this.link, ['resume']));
    this.#orphanResume = null;
    this.#open(recorded, m.nextFrame);
    return {
      pieces: this.#deal(m.from, m.types),
      startLevel: m.startLevel,
      restore: { snapshot: m.snapshot, nextFrame: m.nextFrame },
    };
  }

  #open(recorded: () => Runs, from: number): void {
    this.#recorded = recorded;
    this.#recordedFrom = from;
    this.#unranked = null;
    this.#resentFrom = -1;
    // Frames recorded while disconnected are re-sent when the server says where it stopped (`resume`).
    this.#stream = new InputStream((b) => this.#connected && this.link.send('inputs', b), from);
  }

  /** A new piece queue for the game that starts (or resumes) now, holding pieces `from`... */
  #deal(from: number, types: number[]): PieceQueue {
    const pieces = new PieceQueue(from);
    pieces.add(from, types);
    this.#pieces = pieces;
    return pieces;
  }

  frame(frame: number, buttons: number): void {
    this.#stream?.push(frame, buttons);
  }

  flush(): void {
    this.#stream?.flush();
  }

  /**
   * A piece spawned: the server deals the next piece only once it has played up to this spawn, so
   * the pending frames go now rather than when a batch fills (up to `MAX_PENDING_FRAMES` later).
   */
  spawned(): void {
    this.flush();
  }

  pause(on: boolean): void {
    this.flush();
    this.link.send('pause', { paused: on });
  }

  /** Submits under `name`; `key` is this browser's name key (absent: the server issues one). */
  async submit(name: string, key?: string): Promise<SubmitResult> {
    this.flush();
    const answer = awaitMessage(this.link, ['submitted', 'submitQueued'], {
      failOn: SUBMIT_ERRORS,
    });
    this.link.send('submit', key === undefined ? { name } : { name, key });
    const m = await answer;
    const issued = m.key === undefined ? {} : { key: m.key };
    return m.type === 'submitted'
      ? { kind: 'stored', rank: m.rank, replayId: m.replayId, score: m.score, ...issued }
      : { kind: 'queued', replayId: m.replayId, score: m.score, ...issued };
  }

  dispose(): void {
    for (const off of this.#offs) off();
    void this.link.leave();
  }

  #onMessage(m: ServerMessage): void {
    switch (m.type) {
      case 'error':
        // The server is missing frames (lost in a drop): re-send them from the recording, once per gap.
        if (m.code === 'badFrame' && m.expectedFrame !== undefined) this.#resend(m.expectedFrame);
        return;
      case 'resume':
        if (this.#stream === null) {
          this.#orphanResume = m;
          return;
        }
        // The local game played on while disconnected: it keeps its state; the pieces re-sent
        // from the server's position are the same ones (adding them again is harmless).
        this.#addPieces(m.from, m.types);
        this.#resend(m.nextFrame);
        return;
      case 'pieces':
        this.#addPieces(m.from, m.types);
        return;
      case 'unranked':
        this.#unranked = unrankedNotice(m.reason);
        this.#notify({ kind: 'unranked', message: this.#unranked });
        return;
      case 'serverRestarting':
        this.#draining = true;
        this.#notify({ kind: 'serverRestarting', seconds: m.seconds });
        return;
      case 'start':
      case 'submitted':
      case 'submitQueued':
      case 'opponentDropped':
      case 'opponentReconnected':
      case 'opponentLeft':
      case 'roomClosed':
        return; // handled by awaiters and the duo screen
      default: {
        const never: never = m;
        throw new Error(`unknown server message ${JSON.stringify(never)}`);
      }
    }
  }

  #addPieces(from: number, types: number[]): void {
    try {
      this.#pieces?.add(from, types);
    } catch {
      // Malformed or contradicting pieces: keep what is known. The game waits rather than guess.
    }
  }

  #resend(from: number): void {
    if (from === this.#resentFrom || this.#stream === null) return;
    this.#resentFrom = from;
    this.#stream.resendFrom(from, this.#recorded(), this.#recordedFrom);
  }

  #notify(n: SessionNotice): void {
    for (const fn of this.#notices) fn(n);
  }
}
