import type { ServerMessage } from '@tengen/protocol';
import type { GameStart, SessionNotice, SubmitResult } from '../game/backend.ts';
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
] as const;

/** Online play over a room: the server picks the seed, re-runs the inputs and stores the score. */
export class OnlineSession {
  readonly link: RoomLink;
  readonly #notices = new Set<(n: SessionNotice) => void>();
  #stream: InputStream | null = null;
  #recorded: () => Runs = () => [];
  #unranked: string | null = null;
  #draining = false;
  /** False between a drop and the reconnection: batches are not handed to the SDK's send queue. */
  #connected = true;
  /** The frame the last resend started from, so a burst of stale-batch refusals triggers one resend. */
  #resentFrom = -1;
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
    this.#recorded = recorded;
    this.#unranked = null;
    this.#resentFrom = -1;
    // Frames recorded while disconnected are re-sent when the server says where it stopped (`resume`).
    this.#stream = new InputStream((b) => this.#connected && this.link.send('inputs', b), 0);
    return { seed: m.seed, startLevel: m.startLevel };
  }

  frame(frame: number, buttons: number): void {
    this.#stream?.push(frame, buttons);
  }

  flush(): void {
    this.#stream?.flush();
  }

  pause(on: boolean): void {
    this.flush();
    this.link.send('pause', { paused: on });
  }

  async submit(name: string): Promise<SubmitResult> {
    this.flush();
    const answer = awaitMessage(this.link, ['submitted'], { failOn: SUBMIT_ERRORS });
    this.link.send('submit', { name });
    const m = await answer;
    return { rank: m.rank, replayId: m.replayId, score: m.score };
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
        this.#resend(m.nextFrame);
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
      case 'opponentDropped':
      case 'opponentReconnected':
      case 'opponentLeft':
        return; // handled by awaiters and the duo screen
      default: {
        const never: never = m;
        throw new Error(`unknown server message ${JSON.stringify(never)}`);
      }
    }
  }

  #resend(from: number): void {
    if (from === this.#resentFrom || this.#stream === null) return;
    this.#resentFrom = from;
    this.#stream.resendFrom(from, this.#recorded());
  }

  #notify(n: SessionNotice): void {
    for (const fn of this.#notices) fn(n);
  }
}
