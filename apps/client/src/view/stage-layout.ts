import {
  mirrorLayout,
  nesLayout,
  portraitLayout,
  PORTRAIT_H,
  PORTRAIT_W,
  SCREEN_H,
  SCREEN_W,
  type PlayerLayout,
  type Rect,
} from './layout.ts';
import { padLayout, type PadLayout } from './pad-layout.ts';
import { TALL_INFO, TALL_WELL, tallLayout } from './tall-layout.ts';

/** What the stage shows and where: measured in CSS pixels of the stage element. */
export interface StageInput {
  width: number;
  height: number;
  players: 1 | 2;
  /** The on-screen touch pad takes part of the stage. */
  pad: boolean;
}

/** One camera: a region of a player's screen (`world`, game pixels) drawn at `rect` (CSS pixels). */
export interface StageView {
  player: 0 | 1;
  world: Rect;
  rect: Rect;
  zoom: number;
}

/** How the boards share the stage. */
export type Arrangement = 'single' | 'sideBySide' | 'focus';

/** Everything the renderer and the HTML overlay place, from one pure computation. */
export interface StageLayout {
  width: number;
  height: number;
  arrangement: Arrangement;
  /** Each player's screen in its own game-pixel world. */
  screens: PlayerLayout[];
  views: StageView[];
  /** Each player's well interior on the stage (CSS pixels). */
  wells: Rect[];
  /** Where notices go: never over a board, and they never move one. */
  notices: Rect;
  /** Where menus and the game-over panel go: in duo, over your own side only. */
  panel: Rect;
  pad: PadLayout | null;
  /**
   * CSS pixels per canvas pixel: the common zoom when every view has it (a small canvas scaled up,
   * as the NES picture always was), else 1 (a full-size canvas whose cameras zoom differently).
   */
  pixel: number;
}

/** Room kept at the top for notices (three short lines); more when the boards leave more. */
export const NOTICE_MIN = 56;
const GAP = 4;
/** Narrowest column beside your well in portrait duo (your numbers and the opponent's thumbnail). */
const COLUMN_MIN = 96;
/** A thumbnail is at most this fraction of your board's size. */
const THUMB_MAX = 0.75;
/** Side by side needs wells at least this tall (CSS px) on a touch screen, else one board is focused. */
const SIDE_BY_SIDE_MIN_WELL = 320;

/** Zooms are multiples of 1/8 so 8-pixel cells land on whole CSS pixels. */
const eighths = (z: number): number => Math.max(1, Math.floor(z * 8)) / 8;

/** Part of a layout's world drawn at `zoom` with its top-left corner at (x, y). */
function view(player: 0 | 1, world: Rect, x: number, y: number, zoom: number): StageView {
  return { player, world, rect: { x, y, w: world.w * zoom, h: world.h * zoom }, zoom };
}

/** The views of one arrangement with their bounding size, placed at (0, 0). */
interface Group {
  arrangement: Arrangement;
  screens: PlayerLayout[];
  views: StageView[];
  w: number;
  h: number;
  /** Right edge of your side (panels stay left of it in duo). */
  ownRight: number;
  /** Room for notices inside the group (beside a board), when it has some. */
  notices?: Rect;
}

function single(box: Rect, portrait: boolean): Group {
  const [layout, w, h] = portrait
    ? [portraitLayout(), PORTRAIT_W, PORTRAIT_H]
    : [nesLayout(), SCREEN_W, SCREEN_H];
  const z = Math.min(box.w / w, box.h / h);
  const world = { x: 0, y: 0, w, h };
  return {
    arrangement: 'single',
    screens: [layout],
    views: [view(0, world, 0, 0, z)],
    w: w * z,
    h: h * z,
    ownRight: w * z,
  };
}

function sideBySide(box: Rect): Group {
  const z = Math.min(box.w / (2 * SCREEN_W), box.h / SCREEN_H);
  const world = { x: 0, y: 0, w: SCREEN_W, h: SCREEN_H };
  const base = nesLayout();
  return {
    arrangement: 'sideBySide',
    screens: [base, mirrorLayout(base, 0)],
    views: [view(0, world, 0, 0, z), view(1, world, SCREEN_W * z, 0, z)],
    w: 2 * SCREEN_W * z,
    h: SCREEN_H * z,
    ownRight: SCREEN_W * z,
  };
}

/** Portrait duo: your well big on the left; your numbers and the opponent's well in a column. */
function focusPortrait(box: Rect): Group {
  const z = eighths(Math.min(box.h / TALL_WELL.h, (box.w - GAP - COLUMN_MIN) / TALL_WELL.w));
  const own = view(0, TALL_WELL, 0, 0, z);
  const colX = own.rect.w + GAP;
  const colW = box.w - colX;
  const zi = eighths(
    Math.min(colW / TALL_INFO.w, THUMB_MAX * z, (0.45 * own.rect.h) / TALL_INFO.h),
  );
  const info = view(0, TALL_INFO, colX, 0, zi);
  const left = own.rect.h - info.rect.h - GAP;
  const zo = eighths(Math.min(colW / TALL_WELL.w, left / TALL_WELL.h, THUMB_MAX * z));
  const opp = view(1, TALL_WELL, colX, info.rect.h + GAP, zo);
  return {
    arrangement: 'focus',
    screens: [tallLayout(), tallLayout()],
    views: [own, info, opp],
    w: box.w,
    h: own.rect.h,
    // The opponent's thumbnail is in the column: panels cover your well only.
    ownRight: own.rect.w + GAP / 2,
  };
}

/** Landscape duo: your well, your numbers, then the opponent's well, in a row. */
function focusLandscape(box: Rect): Group {
  const spanPerZoom = TALL_WELL.w + 0.6 * (TALL_INFO.w + TALL_WELL.w);
  const z = eighths(Math.min(box.h / TALL_WELL.h, (box.w - 2 * GAP) / spanPerZoom));
  const own = view(0, TALL_WELL, 0, 0, z);
  const zi = eighths(Math.min(THUMB_MAX * z, own.rect.h / TALL_INFO.h));
  const info = view(0, TALL_INFO, own.rect.w + GAP, 0, zi);
  const oppX = info.rect.x + info.rect.w + GAP;
  const zo = eighths(Math.min(THUMB_MAX * z, (box.w - oppX) / TALL_WELL.w));
  const opp = view(1, TALL_WELL, oppX, 0, zo);
  return {
    arrangement: 'focus',
    screens: [tallLayout(), tallLayout()],
    views: [own, info, opp],
    w: opp.rect.x + opp.rect.w,
    h: own.rect.h,
    ownRight: info.rect.x + info.rect.w,
  };
}

/**
 * Solo on a portrait phone: the well as large as the height allows, its numbers and NEXT in a column
 * beside it (the NES screen, or its narrow portrait variant, would leave the well a third of the
 * height). Used when it gives a bigger well than `single`.
 */
function soloTall(box: Rect): Group {
  const z = eighths(Math.min(box.h / TALL_WELL.h, (box.w - GAP - COLUMN_MIN) / TALL_WELL.w));
  const own = view(0, TALL_WELL, 0, 0, z);
  const colX = own.rect.w + GAP;
  const zi = eighths(
    Math.min((box.w - colX) / TALL_INFO.w, THUMB_MAX * z, own.rect.h / TALL_INFO.h),
  );
  const info = view(0, TALL_INFO, colX, 0, zi);
  const w = info.rect.x + info.rect.w;
  // Under the numbers, beside the well: where notices go when the strip above would cost the well.
  const below = info.rect.h + GAP;
  const notices = { x: colX, y: below, w: w - colX, h: own.rect.h - below };
  return {
    arrangement: 'single',
    screens: [tallLayout()],
    views: [own, info],
    w,
    h: own.rect.h,
    ownRight: w,
    ...(notices.h >= 2 * NOTICE_MIN ? { notices } : {}),
  };
}

/**
 * Solo upright on the shortest phones (320x568, 375x667): the notice strip above the boards would
 * keep the well under 60% of the height, so the boards take the whole height and notices go in the
 * column under the numbers instead. Null where that gives no bigger well (or no room for notices).
 */
function soloFullHeight(box: Rect, withStrip: Group): Group | null {
  if (box.h <= box.w * 1.2) return null;
  const tall = soloTall(box);
  return tall.notices !== undefined && wellHeight(tall) > wellHeight(withStrip) ? tall : null;
}

/** The height of player 0's well in a group (CSS px). */
const wellHeight = (g: Group): number => g.screens[0]!.well.h * g.views[0]!.zoom;

function arrange(box: Rect, players: 1 | 2, pad: boolean): Group {
  if (players === 1) {
    const portrait = box.h > box.w * 1.2;
    const nes = single(box, portrait);
    if (!portrait) return nes;
    const tall = soloTall(box);
    return wellHeight(tall) > wellHeight(nes) ? tall : nes;
  }
  const even = sideBySide(box);
  const wellH = (even.h * nesLayout().well.h) / SCREEN_H;
  const enough = pad ? wellH >= SIDE_BY_SIDE_MIN_WELL : wellH >= 0.3 * box.h && wellH >= 160;
  if (enough) return even;
  return box.h > box.w ? focusPortrait(box) : focusLandscape(box);
}

const move = (r: Rect, dx: number, dy: number): Rect => ({ ...r, x: r.x + dx, y: r.y + dy });

/** The well of `player` on the stage, from the view that shows it. */
function wellOnStage(screens: PlayerLayout[], views: StageView[], player: 0 | 1): Rect {
  const well = screens[player]!.well;
  const v = views.find(
    (c) =>
      c.player === player &&
      well.x >= c.world.x &&
      well.x + well.w <= c.world.x + c.world.w &&
      well.y >= c.world.y &&
      well.y + well.h <= c.world.y + c.world.h,
  );
  if (v === undefined) throw new Error(`no view shows player ${player}'s well`);
  return {
    x: v.rect.x + (well.x - v.world.x) * v.zoom,
    y: v.rect.y + (well.y - v.world.y) * v.zoom,
    w: well.w * v.zoom,
    h: well.h * v.zoom,
  };
}

/**
 * The stage's layout for a size, player count and pad: notices get a strip at the top (at least
 * `NOTICE_MIN`), the pad its strip or side columns, and the boards the rest. One player: the NES
 * screen (or the narrow portrait one). Two: side by side when the wells stay big enough, else your
 * board large with the opponent's as a smaller live view beside it. Nothing depends on what is shown,
 * so a notice or a panel never moves a board.
 */
export function stageLayout(input: StageInput): StageLayout {
  const { width: W, height: H, players } = input;
  const pad = input.pad ? padLayout(W, H) : null;
  const side = pad?.side ?? 0;
  const bottom = pad?.bottom ?? 0;
  // With side columns, notices sit in the left one above the d-pad and the boards get the full height.
  let top = side > 0 ? 0 : NOTICE_MIN;
  const boxBelow = (t: number): Rect => ({
    x: side,
    y: t,
    w: Math.max(0, W - 2 * side),
    h: Math.max(0, H - t - bottom),
  });
  let box = boxBelow(top);
  let g = arrange(box, players, pad !== null);
  const full = players === 1 && top > 0 ? soloFullHeight(boxBelow(0), g) : null;
  if (full !== null) [top, box, g] = [0, boxBelow(0), full];
  // Centred across the box; vertically centred in the stage, but never into the notice strip.
  const dx = Math.round(box.x + (box.w - g.w) / 2);
  const free = H - bottom - g.h;
  const dy = Math.round(Math.max(top, Math.min(free / 2, box.y + box.h - g.h)));
  const views = g.views.map((v) => ({ ...v, rect: move(v.rect, dx, dy) }));
  const wells = g.screens.map((_, i) => wellOnStage(g.screens, views, i as 0 | 1));
  const zooms = new Set(views.map((v) => v.zoom));
  const pixel = zooms.size === 1 ? views[0]!.zoom : 1;
  const notices: Rect =
    pad !== null && side > 0
      ? { x: 0, y: 0, w: side, h: pad.dpad.y - GAP }
      : full?.notices !== undefined
        ? move(full.notices, dx, dy)
        : { x: 0, y: 0, w: W, h: dy };
  // Panels leave the notices' column free (the pad under it is hidden while a panel shows).
  const panelX = side;
  const panel: Rect =
    players === 1
      ? { x: panelX, y: dy, w: W - 2 * panelX, h: H - dy }
      : { x: panelX, y: dy, w: Math.round(dx + g.ownRight) - panelX, h: H - dy };
  return {
    width: W,
    height: H,
    arrangement: g.arrangement,
    screens: g.screens,
    views,
    wells,
    notices,
    panel,
    pad,
    pixel,
  };
}
