import type { Command } from '../input/input-hub.ts';
import { JoinError } from '../net/net-client.ts';
import { OnlineSession } from '../net/online-session.ts';
import { resumeSeat } from '../net/resume.ts';
import { ResumeStore, trackResume } from '../net/resume-store.ts';
import type { RoomLink } from '../net/room-link.ts';
import { connectingPanel, duoLobby } from '../ui/duo-panels.ts';
import type { AppContext, Mode } from './context.ts';
import { DuoMatch } from './duo-match.ts';
import type { Route } from './router.ts';

/** A room given by address: a private room's code (its id too), or a quick-match room's id. */
export interface DuoTarget {
  code: string | null;
  roomId: string;
}

/** The address of a joined room. */
function roomRoute(link: RoomLink, privateCode: boolean): Route {
  return privateCode
    ? { name: 'duo-join', code: link.roomId }
    : { name: 'duo-room', roomId: link.roomId };
}

/**
 * Duo (`/duo`, `/duo/CODE`, `/duo/room/ID`): the lobby, then one `DuoMatch` per room joined. A room's
 * address is shown from the moment it is joined, and loading it takes this browser's seat back
 * (a reload, a reopened tab) before trying to join as a new player.
 */
export class DuoMode implements Mode {
  readonly #ctx: AppContext;
  readonly #target: DuoTarget | null;
  readonly #resume: ResumeStore;
  #match: DuoMatch | null = null;
  #attempt = 0;
  #left = false;

  constructor(ctx: AppContext, target: DuoTarget | null) {
    this.#ctx = ctx;
    this.#target = target;
    this.#resume = new ResumeStore(ctx.store);
  }

  enter(): void {
    this.#ctx.setPlaying(false);
    this.#ctx.showDemo();
    const t = this.#target;
    if (t !== null)
      this.#connect(
        () => this.#resumeOrJoin(t),
        t.code !== null ? `Joining room ${t.code}…` : 'Joining the game…',
        t.code !== null,
      );
    else this.#lobby(null);
  }

  leave(): void {
    this.#left = true;
    this.#attempt++;
    this.#match?.close();
    this.#match = null;
  }

  onCommand(c: Command): void {
    this.#match?.onCommand(c);
  }

  #lobby(error: string | null): void {
    if (this.#left) return;
    this.#ctx.showDemo();
    this.#ctx.hud.clear();
    this.#ctx.panel.show(
      duoLobby({
        error,
        initialCode: this.#target?.code ?? '',
        onQuick: () =>
          this.#connect(() => this.#ctx.net.quickMatch(), 'Looking for another player…', false),
        onCreate: () =>
          this.#connect(() => this.#ctx.net.createPrivate(), 'Creating a private room…', true),
        onJoin: (code) =>
          this.#connect(() => this.#ctx.net.joinPrivate(code), `Joining room ${code}…`, true),
        onBack: () => this.#ctx.navigate({ name: 'title' }),
      }),
    );
  }

  /** This browser's seat in the room when it still has one, else a new seat. */
  async #resumeOrJoin(t: DuoTarget): Promise<{ link: RoomLink; resumed: boolean }> {
    const out = await resumeSeat(this.#ctx.net, this.#resume, t.roomId);
    if (out.kind === 'resumed') return { link: out.link, resumed: true };
    if (out.kind === 'inUse') throw new Error(out.message);
    return { link: await this.#ctx.net.joinPrivate(t.code ?? t.roomId), resumed: false };
  }

  async #connect(
    join: () => Promise<RoomLink | { link: RoomLink; resumed: boolean }>,
    text: string,
    privateCode: boolean,
  ): Promise<void> {
    const attempt = ++this.#attempt;
    this.#ctx.panel.show(
      connectingPanel(text, () => {
        this.#attempt++;
        this.#lobby(null);
      }),
    );
    let link: RoomLink;
    let resumed: boolean;
    try {
      const joined = await join();
      ({ link, resumed } = 'link' in joined ? joined : { link: joined, resumed: false });
    } catch (err) {
      if (attempt === this.#attempt)
        this.#lobby(err instanceof JoinError ? err.failure.message : (err as Error).message);
      return;
    }
    if (attempt !== this.#attempt) {
      void link.leave(); // cancelled while connecting
      return;
    }
    trackResume(this.#resume, 'duo', link);
    this.#ctx.setUrl(roomRoute(link, privateCode), 'room');
    this.#match = new DuoMatch(
      this.#ctx,
      new OnlineSession(link),
      (message) => {
        this.#match = null;
        this.#ctx.setUrl({ name: 'duo' }, 'replace');
        this.#lobby(message);
      },
      { resumed },
    );
  }
}
