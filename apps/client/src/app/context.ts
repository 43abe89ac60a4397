import type { Sfx } from '../audio/sfx.ts';
import type { KeyValueStore } from '../input/bindings-store.ts';
import type { Command, InputHub } from '../input/input-hub.ts';
import type { NetClient } from '../net/net-client.ts';
import type { Banner } from '../ui/banner.ts';
import type { HudMirror } from '../ui/hud-mirror.ts';
import type { PanelHost } from '../ui/panel-host.ts';
import type { Route, UrlChange } from './router.ts';
import type { Stage } from './stage.ts';

/** The services the app is built from; built once in main.ts. */
export interface AppServices {
  stage: Stage;
  panel: PanelHost;
  hud: HudMirror;
  input: InputHub;
  sfx: Sfx;
  banner: Banner;
  net: NetClient;
  store: KeyValueStore | null;
}

/** What every screen uses: the services plus navigation and the page state. */
export interface AppContext extends AppServices {
  /** Goes to a route (pushes history unless `replace`). */
  navigate(route: Route, opts?: { replace?: boolean }): void;
  /** Shows a route in the address bar without changing screen (see `setUrl`). */
  setUrl(route: Route, how: UrlChange): void;
  /** Puts the bot's attract-mode demo on the stage (kept running if already there). */
  showDemo(): void;
  /** Marks the page as in-game (bound keys stop scrolling; the canvas is not dimmed). */
  setPlaying(on: boolean): void;
}

/** One screen flow (title, solo, duo, scoreboard): entered on its route, left when the route changes. */
export interface Mode {
  enter(): void;
  leave(): void;
  /** Pause/select presses from keys, gamepad or touch. */
  onCommand(c: Command): void;
}
