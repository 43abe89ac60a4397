import type { GameMode } from '@tengen/protocol';
import { TestPlayer } from '@tengen/test-kit';

/** How one bot's game ended. */
export type GameOutcome =
  /** Submitted and stored (`submitted`), or kept in the outbox (`submitQueued`). */
  | { kind: 'stored' | 'queued'; replayId: string; score: number }
  /** The server refused the submit (`error` with its code). */
  | { kind: 'refused'; code: string; message: string }
  /** The connection ended before the game was submitted. */
  | { kind: 'lost'; closeCode: number; reason: string };

/** One game a bot started. */
export interface GameRecord {
  bot: number;
  mode: GameMode;
  /** From the first matchmaking call to the game's `start` (requeues and retries included). */
  waitMs: number;
  /** Index of the fleet slot that hosted it (from the room WebSocket's path). */
  slot: number;
  outcome: GameOutcome;
  /** The bot's connection, with every message and the close it saw (the "clear message" checks). */
  player: TestPlayer;
  /** Each matchmaking call for this game, and what became of the room it gave (see `Attempt`). */
  attempts: Attempt[];
  /** `performance.now()` at the game's start. */
  startedAt: number;
  /** Set once the game is submitted, refused or lost. */
  done: boolean;
  /** `performance.now()` when it was submitted, refused or lost. */
  endedAt: number;
}

/** One matchmaking call of a game's wait, and what became of the room it gave. */
export interface Attempt {
  /** ms after the game's first call. */
  at: number;
  /** How long the call took (ms). */
  took: number;
  error?: string;
  /** The fleet slot hosting the room it gave, and that room. */
  slot?: number;
  roomId?: string;
  /** `performance.now()` when the call returned (to compare with the fleet's slot events). */
  joinedAt?: number;
  /** ms this bot was the room's only player (duo: waiting for a partner). */
  aloneMs?: number;
  /** How the room ended for this bot: its game started, or it had to queue again and why. */
  ended?: 'start' | 'draining' | 'closed' | 'stopped';
  /** ms from the call's return to that end. */
  heldMs?: number;
}

/** How the crowd plays. */
export interface CrowdOptions {
  /** nginx, where every request goes. */
  url: string;
  solo: number;
  duo: number;
  /** The fleet slot a room WebSocket URL belongs to. */
  slotOf: (wsUrl: string) => number;
  /** Frames the bot steers before idling to a top-out (a short game: a few seconds). */
  botFrames?: number;
}

const LEVEL = 19;

function wsUrl(p: TestPlayer): string {
  return (p.room.connection.transport as unknown as { ws: { url: string } }).ws.url;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Bot players over real WebSockets through the proxy, each playing game after game (solo, or duo
 * through quick match) until `stop()`: matchmake, pick a level, ready, play to a top-out, submit
 * under its own name (keeping the name key it is given), leave. A bot whose room closes before
 * its game starts (its process began draining) queues again, as a player would click again; the
 * wait it measures runs from its first call.
 */
export class Crowd {
  readonly games: GameRecord[] = [];
  /** Matchmaking calls that failed and were retried, with the error. */
  readonly retries: string[] = [];
  /** Rooms that closed before their game started (the bot queued again). */
  requeues = 0;
  /** Duo bots still alone in a room when the crowd stopped (no one was left to match them). */
  unmatchedAtStop = 0;
  /** Bot loop failures (a bug in the harness or an unexpected server answer). */
  readonly failures: string[] = [];
  #stopping = false;
  #loops: Promise<void>[] = [];
  readonly #opts: CrowdOptions;

  constructor(opts: CrowdOptions) {
    this.#opts = opts;
  }

  /** Starts every bot, spread over `rampMs`. */
  start(rampMs = 3_000): void {
    const n = this.#opts.solo + this.#opts.duo;
    for (let bot = 0; bot < n; bot++) {
      const mode: GameMode = bot < this.#opts.solo ? 'solo' : 'duo';
      this.#loops.push(
        sleep((rampMs * bot) / n)
          .then(() => this.#loop(bot, mode))
          .catch((err: unknown) => void this.failures.push(`bot ${bot}: ${String(err)}`)),
      );
    }
  }

  /** No new games; resolves once every bot has finished the game it was playing. */
  async stop(): Promise<void> {
    this.#stopping = true;
    await Promise.all(this.#loops);
  }

  async #loop(bot: number, mode: GameMode): Promise<void> {
    let key: string | undefined;
    while (!this.#stopping) {
      const game = await this.#join(bot, mode);
      if (!game) return;
      const { player, waitMs, attempts } = game;
      const record: GameRecord = {
        bot,
        mode,
        waitMs,
        slot: this.#opts.slotOf(wsUrl(player)),
        outcome: { kind: 'lost', closeCode: 0, reason: '' },
        player,
        done: false,
        attempts,
        startedAt: performance.now(),
        endedAt: Infinity,
      };
      this.games.push(record);
      record.outcome = await this.#finish(player, `bot ${bot}`, key);
      record.done = true;
      record.endedAt = performance.now();
      if (record.outcome.kind === 'stored' || record.outcome.kind === 'queued') {
        const answer = player.messages.findLast(
          (m) => m.type === 'submitted' || m.type === 'submitQueued',
        );
        if (answer && 'key' in answer && answer.key) key = answer.key;
      }
      await player.leave().catch(() => undefined);
    }
  }

  /** Matchmakes until a game starts; undefined when the crowd stopped first. */
  async #join(
    bot: number,
    mode: GameMode,
  ): Promise<{ player: TestPlayer; waitMs: number; attempts: Attempt[] } | undefined> {
    const t0 = performance.now();
    const attempts: Attempt[] = [];
    while (!this.#stopping) {
      let player: TestPlayer;
      const at = performance.now();
      try {
        // A bot needs no copy of its own board: the server sends each player only the other's.
        player = await TestPlayer.connect(
          this.#opts.url,
          mode === 'solo' ? 'create' : 'joinOrCreate',
          mode,
          { watchSelf: false },
        );
        // As the browser client does (`room-link.ts`): a dropped game may reconnect after 1 s.
        player.room.reconnection.minUptime = 1000;
        attempts.push({
          at: Math.round(at - t0),
          took: Math.round(performance.now() - at),
          slot: this.#opts.slotOf(wsUrl(player)),
          roomId: player.room.roomId,
          joinedAt: performance.now(),
        });
      } catch (err) {
        attempts.push({
          at: Math.round(at - t0),
          took: Math.round(performance.now() - at),
          error: String(err),
        });
        this.retries.push(
          `bot ${bot} at ${Math.round(performance.now())}: ${mode} ${String(err)} (${String((err as { code?: unknown }).code)}, ${Math.round(performance.now() - at)} ms)`,
        );
        await sleep(250);
        continue;
      }
      player.send('selectLevel', { level: LEVEL });
      player.send('ready');
      const attempt = attempts.at(-1)!;
      const joinedAt = performance.now();
      let aloneFrom: number | undefined;
      const trackAlone = () => {
        const alone = mode === 'duo' && (player.room.state.players?.size ?? 0) < 2;
        if (alone) aloneFrom ??= performance.now();
        else if (aloneFrom !== undefined) {
          attempt.aloneMs = Math.round((attempt.aloneMs ?? 0) + performance.now() - aloneFrom);
          aloneFrom = undefined;
        }
      };
      const end = (how: NonNullable<Attempt['ended']>) => {
        trackAlone();
        if (aloneFrom !== undefined)
          attempt.aloneMs = Math.round((attempt.aloneMs ?? 0) + performance.now() - aloneFrom);
        attempt.ended = how;
        attempt.heldMs = Math.round(performance.now() - joinedAt);
      };
      let aloneSince: number | undefined;
      for (;;) {
        trackAlone();
        const started = player.messages.some((m) => m.type === 'start');
        if (started) {
          end('start');
          return { player, waitMs: performance.now() - t0, attempts };
        }
        if (player.closed) {
          end('closed');
          break;
        }
        // Refused before the start (the process began draining): this room will close.
        if (player.messages.some((m) => m.type === 'error' && m.code === 'draining')) {
          end('draining');
          break;
        }
        if (this.#stopping && player.room.state.players?.size === 1) {
          aloneSince ??= performance.now();
          if (performance.now() - aloneSince > 3_000) {
            this.unmatchedAtStop++;
            end('stopped');
            await player.leave().catch(() => undefined);
            return undefined;
          }
        }
        await player
          .until(
            'a start',
            () => {
              trackAlone();
              return player.messages.some((m) => m.type === 'start') || player.closed;
            },
            250,
          )
          .catch(() => undefined);
      }
      this.requeues++;
      await player.leave().catch(() => undefined);
    }
    return undefined;
  }

  /** Plays the started game to a top-out and submits it. */
  async #finish(player: TestPlayer, name: string, key: string | undefined): Promise<GameOutcome> {
    const lost = (): GameOutcome => ({
      kind: 'lost',
      closeCode: player.closed?.code ?? 0,
      reason: player.closed?.reason ?? '',
    });
    try {
      await player.play({ botFrames: this.#opts.botFrames ?? 60, leadFrames: 170 });
      await player.until('over', () => player.me?.phase === 'over' || player.closed, 30_000);
      if (player.closed) return lost();
      const reply = await player.submit(name, key);
      switch (reply.type) {
        case 'submitted':
        case 'submitQueued':
          return {
            kind: reply.type === 'submitted' ? 'stored' : 'queued',
            replayId: reply.replayId,
            score: reply.score,
          };
        case 'error':
          return { kind: 'refused', code: reply.code, message: reply.message };
        default: {
          const never: never = reply;
          throw new Error(`unexpected answer ${JSON.stringify(never)}`);
        }
      }
    } catch {
      // `play` throws when the connection closes mid-game; the submit wait times out likewise.
      if (player.closed) return lost();
      await player.until('closed', () => player.closed, 60_000).catch(() => undefined);
      return lost();
    }
  }
}
