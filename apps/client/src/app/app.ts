import { demoDriver } from '../game/demo.ts';
import type { StageDriver } from '../game/driver.ts';
import type { Command } from '../input/input-hub.ts';
import type { AppContext, AppServices, Mode } from './context.ts';
import { DuoMode } from './duo-mode.ts';
import { LeaveGuard } from './leave-guard.ts';
import { LiveMode } from './live-mode.ts';
import { NotFoundMode } from './not-found-mode.ts';
import { pageTitle, screenName } from './route-title.ts';
import { parseRoute, routeUrl, setUrl, type Route } from './router.ts';
import { PlayerMode } from './player-mode.ts';
import { ScoreboardMode } from './scoreboard-mode.ts';
import { SoloMode } from './solo-mode.ts';
import { TitleMode } from './title-mode.ts';
import { loadTop } from './top-score.ts';
import { WatchMode } from './watch-mode.ts';
import { LazyMode } from './lazy-mode.ts';

/** The services plus the page elements the app is mounted in (see main.ts). */
export interface AppParts extends AppServices {
  root: HTMLElement;
  stageEl: HTMLElement;
}

/** The mode (screen flow) of a route. */
function modeFor(route: Route, ctx: AppContext): Mode {
  switch (route.name) {
    case 'title':
      return new TitleMode(ctx);
    case 'solo':
      return new SoloMode(ctx, route.level);
    case 'duo':
      return new DuoMode(ctx, null);
    case 'duo-join':
      return new DuoMode(ctx, { code: route.code, roomId: route.code });
    case 'duo-room':
      return new DuoMode(ctx, { code: null, roomId: route.roomId });
    case 'solo-game':
      return new SoloMode(ctx, null, route.roomId);
    case 'scoreboard':
      return new ScoreboardMode(ctx, route.replay, route.board);
    case 'replay':
      return new LazyMode(
        () => import('../theater/theater-mode.ts').then((m) => new m.TheaterMode(ctx, route.id)),
        () =>
          ctx.banner.show(
            'theater',
            'The replay theater could not be loaded. Reload the page to try again.',
            'error',
          ),
      );
    case 'player':
      return new PlayerMode(ctx, route.player);
    case 'live':
      return new LiveMode(ctx);
    case 'watch':
      return new WatchMode(ctx, route.roomId);
    case 'not-found':
      return new NotFoundMode(ctx, route.path);
    default: {
      const never: never = route;
      throw new Error(`unknown route ${JSON.stringify(never)}`);
    }
  }
}

/**
 * The client application: routes URLs (History API) to modes, gives the modes their shared services,
 * and forwards commands to the current mode.
 */
export class App {
  readonly ctx: AppContext;
  readonly #parts: AppParts;
  #mode: Mode | null = null;
  #demo: StageDriver | null = null;
  /** Asks before a link or Back ends a running game; `#here` is the entry to return to on "stay". */
  readonly #guard = new LeaveGuard((q) => window.confirm(q));
  #here: { url: string; state: unknown } | null = null;

  constructor(parts: AppParts) {
    this.#parts = parts;
    this.ctx = {
      ...parts,
      navigate: (route, opts) => this.navigate(route, opts),
      setUrl: (route, how) => {
        setUrl(route, how);
        this.#markHere();
      },
      showDemo: () => this.#showDemo(),
      setPlaying: (on) => this.#setPlaying(on),
    };
    parts.input.onCommand((c) => this.#command(c));
  }

  /** Starts on the current URL and follows back/forward and in-app links. */
  start(win: Window): void {
    win.addEventListener('popstate', () => {
      if (!this.#mayLeave()) {
        // Stay: put the game's entry back on top of the history.
        if (this.#here !== null) history.pushState(this.#here.state, '', this.#here.url);
        return;
      }
      this.#enter(parseRoute(win.location.pathname, win.location.search));
    });
    win.document.addEventListener('visibilitychange', () => {
      if (win.document.hidden) this.#mode?.onCommand('hidden');
    });
    win.document.addEventListener('click', (e) => {
      const a = (e.target as Element | null)?.closest?.('a[data-link]');
      if (
        !(a instanceof HTMLAnchorElement) ||
        e.ctrlKey ||
        e.metaKey ||
        e.shiftKey ||
        e.button !== 0
      )
        return;
      e.preventDefault();
      const url = new URL(a.href);
      if (this.#mayLeave()) this.navigate(parseRoute(url.pathname, url.search));
    });
    this.#enter(parseRoute(win.location.pathname, win.location.search));
  }

  /** Goes to a route, updating the address bar. */
  navigate(route: Route, opts: { replace?: boolean } = {}): void {
    const url = routeUrl(route);
    if (opts.replace) history.replaceState(null, '', url);
    else if (`${location.pathname}${location.search}` !== url) history.pushState(null, '', url);
    this.#enter(route);
  }

  #enter(route: Route): void {
    this.#mode?.leave();
    this.#parts.banner.clear();
    this.#parts.input.latch.clear();
    this.#guard.playing = false;
    this.#mode = modeFor(route, this.ctx);
    this.#markHere();
    this.#parts.root.dataset['route'] = route.name;
    document.title = pageTitle(route);
    const h1 = document.getElementById('screen-title');
    if (h1 !== null) h1.textContent = screenName(route);
    this.#mode.enter();
  }

  #command(c: Command): void {
    this.#parts.sfx.unlock();
    this.#mode?.onCommand(c);
  }

  #showDemo(): void {
    const stage = this.#parts.stage;
    if (this.#demo !== null && stage.driver === this.#demo) return;
    const start = (): void => {
      this.#demo = demoDriver(
        () => {
          if (stage.driver === this.#demo) start();
        },
        undefined,
        loadTop(this.#parts.store),
      );
      void stage.show(this.#demo);
    };
    start();
  }

  #mayLeave(): boolean {
    return this.#guard.mayLeave(() => this.#mode?.onCommand('hidden'));
  }

  #markHere(): void {
    this.#here = { url: `${location.pathname}${location.search}`, state: history.state };
  }

  #setPlaying(on: boolean): void {
    this.#guard.playing = on;
    this.#parts.input.gameKeys = on;
    this.#parts.root.classList.toggle('playing', on);
    if (on) {
      // Keys must reach the game, not a button that kept focus from the menu.
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      this.#parts.stageEl.focus({ preventScroll: true });
    }
  }
}
