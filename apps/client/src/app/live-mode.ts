import type { LiveResponse } from '@tengen/protocol';
import type { Command } from '../input/input-hub.ts';
import { liveRows, livePanel, type LiveState } from '../ui/live-panel.ts';
import type { AppContext, Mode } from './context.ts';

/** How often the Live page asks the server for the games in progress. */
export const LIVE_REFRESH_MS = 3_000;

/** The Live page (`/live`): games being played now on every server process, each with a Watch link. */
export class LiveMode implements Mode {
  readonly #ctx: AppContext;
  #offset = 0;
  #last: LiveResponse | null = null;
  #shown = '';
  #timer: ReturnType<typeof setTimeout> | null = null;
  #left = false;
  #view: ReturnType<typeof livePanel> | null = null;

  constructor(ctx: AppContext) {
    this.#ctx = ctx;
  }

  enter(): void {
    this.#ctx.showDemo();
    this.#view = livePanel({
      onPage: (delta) => {
        const limit = this.#last?.limit ?? 0;
        const next = this.#offset + delta * limit;
        if (next < 0 || next >= (this.#last?.total ?? 0)) return;
        this.#offset = next;
        void this.#refresh();
      },
      onBack: () => this.#ctx.navigate({ name: 'title' }),
    });
    this.#ctx.panel.show(this.#view.el);
    void this.#refresh();
  }

  leave(): void {
    this.#left = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
  }

  onCommand(c: Command): void {
    if (c === 'select') this.#ctx.navigate({ name: 'title' });
  }

  async #refresh(): Promise<void> {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    let state: LiveState;
    try {
      const page = await this.#ctx.net.live(this.#offset);
      // The page emptied out (games ended): go back to the first one.
      if (page.games.length === 0 && this.#offset > 0) {
        this.#offset = 0;
        return void this.#refresh();
      }
      this.#last = page;
      state = { kind: 'page', page };
    } catch (err) {
      state = { kind: 'error', message: (err as Error).message };
    }
    if (this.#left) return;
    this.#render(state);
    this.#timer = setTimeout(() => void this.#refresh(), LIVE_REFRESH_MS);
  }

  /** Replaces the rows only when they changed, so keyboard focus on a Watch link survives. */
  #render(state: LiveState): void {
    const view = this.#view;
    if (view === null) return;
    const key = JSON.stringify(state);
    if (key === this.#shown) return;
    this.#shown = key;
    view.body.replaceChildren(...liveRows(state));
    const p = state.kind === 'page' ? state.page : null;
    view.prev.disabled = p === null || p.offset === 0;
    view.next.disabled = p === null || p.offset + p.games.length >= p.total;
    view.pager.textContent =
      p === null || p.total === 0
        ? ''
        : `Games ${p.offset + 1}–${p.offset + p.games.length} of ${p.total}`;
  }
}
