import { demoDriver } from '../game/demo.ts';
import type { StageDriver } from '../game/driver.ts';
import type { Command } from '../input/input-hub.ts';
import type { AppContext, AppServices, Mode } from './context.ts';
import { DuoMode } from './duo-mode.ts';
import { LiveMode } from './live-mode.ts';
import { NotFoundMode } from './not-found-mode.ts';
import { parseRoute, routeUrl, setUrl, type Route } from './router.ts';
import { PlayerMode } from './player-mode.ts';
import { ScoreboardMode } from './scoreboard-mode.ts';
import { SoloMode } from './solo-mode.ts';
import { TitleMode } from './title-mode.ts';
import { WatchMode } from './watch-mode.ts';

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

  constructor(parts: AppParts) {
    this.#parts = parts;
    this.ctx = {
      ...parts,
      navigate: (route, opts) => this.navigate(route, opts),
      setUrl: (route, how) => setUrl(route, how),
      showDemo: () => this.#showDemo(),
      setPlaying: (on) => this.#setPlaying(on),
    };
    parts.input.onCommand((c) => this.#command(c));
  }

  /** Starts on the current URL and follows back/forward and in-app links. */
  start(win: Window): void {
    win.addEventListener('popstate', () =>
      this.#enter(parseRoute(win.location.pathname, win.location.search)),
    );
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
      this.navigate(parseRoute(url.pathname, url.search));
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
    this.#mode = modeFor(route, this.ctx);
    this.#parts.root.dataset['route'] = route.name;
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
      this.#demo = demoDriver(() => {
        if (stage.driver === this.#demo) start();
      });
      void stage.show(this.#demo);
    };
    start();
  }

  #setPlaying(on: boolean): void {
    this.#parts.input.gameKeys = on;
    this.#parts.root.classList.toggle('playing', on);
    if (on) {
      // Keys must reach the game, not a button that kept focus from the menu.
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      this.#parts.stageEl.focus({ preventScroll: true });
    }
  }
}
