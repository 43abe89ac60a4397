import type { Command } from '../input/input-hub.ts';
import { JoinError } from '../net/net-client.ts';
import { OnlineSession } from '../net/online-session.ts';
import type { RoomLink } from '../net/room-link.ts';
import { connectingPanel, duoLobby } from '../ui/duo-panels.ts';
import type { AppContext, Mode } from './context.ts';
import { DuoMatch } from './duo-match.ts';

/** Duo (`/duo`, `/duo/CODE`): the lobby, then one `DuoMatch` per room joined. */
export class DuoMode implements Mode {
  readonly #ctx: AppContext;
  readonly #code: string | null;
  #match: DuoMatch | null = null;
  #attempt = 0;
  #left = false;

  constructor(ctx: AppContext, code: string | null) {
    this.#ctx = ctx;
    this.#code = code;
  }

  enter(): void {
    this.#ctx.setPlaying(false);
    this.#ctx.showDemo();
    if (this.#code !== null)
      this.#connect(() => this.#ctx.net.joinPrivate(this.#code!), `Joining room ${this.#code}…`);
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
        initialCode: this.#code ?? '',
        onQuick: () =>
          this.#connect(() => this.#ctx.net.quickMatch(), 'Looking for another player…'),
        onCreate: () =>
          this.#connect(() => this.#ctx.net.createPrivate(), 'Creating a private room…'),
        onJoin: (code) =>
          this.#connect(() => this.#ctx.net.joinPrivate(code), `Joining room ${code}…`),
        onBack: () => this.#ctx.navigate({ name: 'title' }),
      }),
    );
  }

  async #connect(join: () => Promise<RoomLink>, text: string): Promise<void> {
    const attempt = ++this.#attempt;
    this.#ctx.panel.show(
      connectingPanel(text, () => {
        this.#attempt++;
        this.#lobby(null);
      }),
    );
    let link: RoomLink;
    try {
      link = await join();
    } catch (err) {
      if (attempt === this.#attempt)
        this.#lobby(err instanceof JoinError ? err.failure.message : (err as Error).message);
      return;
    }
    if (attempt !== this.#attempt) {
      void link.leave(); // cancelled while connecting
      return;
    }
    this.#match = new DuoMatch(this.#ctx, new OnlineSession(link), (message) => {
      this.#match = null;
      this.#lobby(message);
    });
  }
}
