import { CLOSE_CODE, type PlayerStateShape, type RoomStateShape } from '@tengen/protocol';
import { WatchDriver } from '../game/watch-driver.ts';
import type { Command } from '../input/input-hub.ts';
import { JoinError } from '../net/net-client.ts';
import type { LeaveReason, RoomLink } from '../net/room-link.ts';
import { h, panel } from '../ui/dom.ts';
import type { AppContext, Mode } from './context.ts';

/** The players of a room in seat order. */
function seated(st: RoomStateShape): PlayerStateShape[] {
  const list: PlayerStateShape[] = [];
  st.players?.forEach((p) => list.push(p));
  return list;
}

/** What a spectator reads when the room closes on them. */
export function watchEndMessage(reason: LeaveReason, code: number): string {
  if (code === CLOSE_CODE.gameEnded) return 'The game has ended: the players have left.';
  switch (reason) {
    case 'serverShutdown':
      return 'The server restarted, and this game ended with it.';
    case 'kicked':
      return 'You were disconnected for sending too many messages.';
    case 'consented':
      return 'You stopped watching.';
    case 'failed':
      return 'The connection to the game was lost.';
    default: {
      const never: never = reason;
      throw new Error(`unknown leave reason ${String(never)}`);
    }
  }
}

/** One line about the room for the spectator: who plays, and whether it is over. */
export function watchStatus(st: RoomStateShape): string {
  const players = seated(st);
  const watching = `${st.spectators ?? 0} watching.`;
  if (players.length === 0) return `Nobody is playing in this room yet. ${watching}`;
  const active = players.filter((p) => !p.left);
  const scores = players.map((p) => String(p.score ?? 0)).join(' vs ');
  if (active.every((p) => p.phase === 'over'))
    return `This game is over. Final score: ${scores}. ${watching}`;
  if (st.phase === 'waiting') return `Waiting for a second player. ${watching}`;
  if (st.phase === 'choosing') return `The players are choosing their levels. ${watching}`;
  return `${st.paused ? 'Paused. ' : ''}Score: ${scores}. ${watching}`;
}

/**
 * Watching a live game (`/watch/ROOMID`, from the Live page or a shared link): the boards read-only,
 * as a duo opponent sees them, with a status line; clear words when the game is over or gone.
 */
export class WatchMode implements Mode {
  readonly #ctx: AppContext;
  readonly #roomId: string;
  #link: RoomLink | null = null;
  #left = false;
  #status: HTMLElement | null = null;
  #offs: (() => void)[] = [];

  constructor(ctx: AppContext, roomId: string) {
    this.#ctx = ctx;
    this.#roomId = roomId;
  }

  enter(): void {
    this.#ctx.setPlaying(false);
    this.#ctx.showDemo();
    this.#status = h(
      'p',
      { class: 'status', role: 'status', 'data-testid': 'watch-status' },
      'Joining the game as a spectator…',
    );
    this.#ctx.panel.show(
      panel(
        'watch',
        'Watching',
        this.#status,
        h(
          'div',
          { class: 'actions' },
          h('a', { href: '/live', 'data-link': true, 'data-testid': 'watch-live' }, 'Live games'),
        ),
      ),
    );
    this.#ctx.panel.compact(true);
    void this.#join();
  }

  leave(): void {
    this.#left = true;
    for (const off of this.#offs) off();
    void this.#link?.leave();
  }

  onCommand(c: Command): void {
    if (c === 'select') this.#ctx.navigate({ name: 'live' });
  }

  async #join(): Promise<void> {
    let link: RoomLink;
    try {
      link = await this.#ctx.net.watch(this.#roomId);
    } catch (err) {
      return this.#end(err instanceof JoinError ? err.failure.message : (err as Error).message);
    }
    if (this.#left) return void link.leave();
    this.#link = link;
    let driver: WatchDriver | null = null;
    const onState = (st: RoomStateShape) => {
      if (driver === null) {
        driver = new WatchDriver(
          {
            players: () => (link.state ? seated(link.state) : []),
            paused: () => link.state?.paused ?? false,
          },
          st.mode === 'duo' ? 2 : 1,
        );
        void this.#ctx.stage.show(driver);
      }
      this.#setStatus(watchStatus(st));
    };
    this.#offs.push(link.on('state', onState));
    this.#offs.push(
      link.on('leave', (reason, code) =>
        this.#end(watchEndMessage(reason, code), reason === 'failed'),
      ),
    );
    this.#offs.push(link.on('message', (m) => m.type === 'error' && this.#setStatus(m.message)));
    // Before the first full state the SDK's state object is still empty (no mode, no players).
    if ((link.state?.players?.size ?? 0) > 0) onState(link.state!);
  }

  #setStatus(text: string): void {
    if (this.#status && this.#status.textContent !== text) this.#status.textContent = text;
  }

  /** The room is gone (or never was): say why; after a lost connection, offer to watch again. */
  #end(message: string, retry = false): void {
    if (this.#left) return;
    for (const off of this.#offs.splice(0)) off();
    this.#link = null;
    this.#setStatus(message);
    this.#status?.classList.add('error');
    if (retry)
      this.#status?.after(
        h(
          'p',
          {},
          h(
            'a',
            { href: `/watch/${encodeURIComponent(this.#roomId)}`, 'data-link': true },
            'Watch again',
          ),
        ),
      );
  }
}
