// Boots the client: services, the Phaser stage, input, and the router.
import './styles.css';
import { App } from './app/app.ts';
import { Stage } from './app/stage.ts';
import { Sfx } from './audio/sfx.ts';
import { browserStore } from './input/bindings-store.ts';
import { InputHub } from './input/input-hub.ts';
import { PerfMeter } from './loop/perf-meter.ts';
import { ColyseusNet, serverUrl } from './net/net-client.ts';
import { Banner } from './ui/banner.ts';
import { HudMirror } from './ui/hud-mirror.ts';
import { HudStats } from './ui/hud-stats.ts';
import { menuKey } from './ui/menu-nav.ts';
import { PanelHost } from './ui/panel-host.ts';
import { StageOverlay } from './ui/stage-overlay.ts';
import { prefersTouch, touchControls } from './ui/touch-controls.ts';

function el(id: string): HTMLElement {
  const e = document.getElementById(id);
  if (e === null) throw new Error(`index.html lacks #${id}`);
  return e;
}

const store = browserStore();
const perf = new PerfMeter();

const input = new InputHub(store);
input.attach(window);
const panelEl = el('panel');
input.onMenuKey = (key) => menuKey(document, key, panelEl);
const hud = new HudMirror(el('hud'), el('announce'));
const stageEl = el('stage');
// The statistics toggle hands the keys back to a running game after a click.
const hudStats = new HudStats(
  store,
  () => input.gameKeys && stageEl.focus({ preventScroll: true }),
);
hud.root.before(hudStats.root);
const overlay = new StageOverlay(el('screen'), stageEl);
const stage = new Stage(stageEl, perf, {
  beforeTick: () => input.pollGamepads(),
  afterTick: (frames, driver) => {
    hud.update(frames, driver.kind);
    hudStats.update(driver);
  },
  placed: (layout) => overlay.apply(layout),
});
window.__tengenPerf = {
  report: () => ({ ...perf.report(), ...stage.draws.counts() }),
  reset: () => {
    perf.reset();
    stage.draws.reset();
  },
  redraw: () => stage.draws.invalidate(),
};
const sfx = new Sfx(store);

const mute = el('mute');
const showMute = (): void => {
  mute.setAttribute('aria-pressed', String(sfx.muted));
  mute.textContent = sfx.muted ? 'Sound off' : 'Sound on';
};
mute.addEventListener('click', () => {
  sfx.setMuted(!sfx.muted);
  showMute();
  sfx.unlock();
});
showMute();
for (const ev of ['pointerdown', 'keydown'] as const)
  window.addEventListener(ev, () => sfx.unlock(), { passive: true });

const touch = el('touch');
const showTouch = (): void => {
  touch.hidden = !prefersTouch(window);
  stage.setPad(!touch.hidden);
};
touch.append(touchControls(input));
showTouch();
window.matchMedia?.('(pointer: coarse)').addEventListener?.('change', showTouch);

const app = new App({
  stage,
  panel: new PanelHost(panelEl),
  hud,
  input,
  sfx,
  banner: new Banner(el('banner')),
  net: new ColyseusNet(serverUrl(import.meta.env, location.origin)),
  store,
  root: el('app'),
  stageEl,
});
app.start(window);
