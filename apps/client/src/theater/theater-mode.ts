import type { Replay } from '@tengen/engine';
import type { GameInfoResponse } from '@tengen/protocol';
import { playEvents } from '../audio/play-events.ts';
import type { AppContext, Mode } from '../app/context.ts';
import type { Command } from '../input/input-hub.ts';
import { ApiError } from '../net/http-api.ts';
import { button, h } from '../ui/dom.ts';
import { clockText, openFileButton, TheaterBar } from './theater-bar.ts';
import { attachTheaterKeys } from './theater-keys.ts';
import { ReplayTheater } from './replay-theater.ts';
import { ReplayTimeline, type VerifiedResult } from './replay-timeline.ts';
import { readReplayFile, replayFileName, ReplayFileError } from './replay-file.ts';
import { TheaterDriver } from './theater-driver.ts';
import './theater.css';

/** What a link to a game that is not stored says. */
export const NO_SUCH_GAME = 'No stored game has this link: check that it was copied whole.';

/** Sounds play up to this speed; faster they would only be noise. */
const SOUND_MAX_SPEED = 2;

const num = (n: number): string => n.toLocaleString('en-US');

function verifiedText(r: VerifiedResult): string {
  const end = r.topOut ? 'topped out' : 'inputs ended before a top-out';
  return `Verified by the engine in your browser: score ${num(r.score)}, ${r.lines} lines, level ${r.level}, ${clockText(r.frames)} of play, ${end}.`;
}

/** Where a replay came from: the server (with its stored facts) or a file the player opened. */
type Source =
  { kind: 'stored'; id: string; info: GameInfoResponse } | { kind: 'file'; name: string };

/**
 * The replay theater (`/replay/ID` for a stored game, `/replay` to open a file): the game on the
 * stage, the controls in a dock under it (the well is never covered), shortcuts that never press a
 * focused button, download and open.
 */
export class TheaterMode implements Mode {
  readonly #ctx: AppContext;
  readonly #id: string | null;
  readonly #dock = h('div', { class: 'theater-dock', 'data-testid': 'theater-dock' });
  #theater: ReplayTheater | null = null;
  #detachKeys: (() => void) | null = null;
  #left = false;

  constructor(ctx: AppContext, id: string | null) {
    this.#ctx = ctx;
    this.#id = id;
  }

  enter(): void {
    this.#ctx.panel.show(null);
    this.#ctx.hud.root.before(this.#dock);
    this.#detachKeys = attachTheaterKeys(window, () => this.#theater);
    if (this.#id !== null) void this.#loadStored(this.#id);
    else this.#showOpen(null);
  }

  leave(): void {
    this.#left = true;
    this.#theater?.pause();
    this.#theater = null;
    this.#detachKeys?.();
    this.#dock.remove();
  }

  onCommand(c: Command): void {
    if (c === 'pause') this.#theater?.toggle();
    else if (c === 'hidden') this.#theater?.pause();
  }

  async #loadStored(id: string): Promise<void> {
    this.#status('Loading replay…');
    this.#ctx.showDemo();
    try {
      const [replay, info] = await Promise.all([
        this.#ctx.net.api.replay(id),
        this.#ctx.net.api.gameInfo(id),
      ]);
      if (this.#left) return;
      await this.#play(replay, { kind: 'stored', id, info });
    } catch (err) {
      if (this.#left) return;
      const gone = err instanceof ApiError && err.status === 404;
      this.#showOpen(gone ? NO_SUCH_GAME : (err as Error).message);
    }
  }

  /** The page without a replay: open one from disk (with why the last attempt failed). */
  #showOpen(error: string | null): void {
    this.#theater = null;
    this.#ctx.showDemo();
    this.#dock.replaceChildren(
      h(
        'section',
        { class: 'theater', 'data-testid': 'theater-open', 'aria-labelledby': 'theater-title' },
        h('h2', { id: 'theater-title', tabindex: -1 }, 'Replay theater'),
        error === null
          ? null
          : h('p', { class: 'error', role: 'alert', 'data-testid': 'theater-error' }, error),
        h(
          'p',
          {},
          'Open a replay file (from "Download replay", or `npm run replay`): the engine plays it and shows the score it really makes.',
        ),
        h(
          'div',
          { class: 'theater-files' },
          openFileButton((f) => void this.#openFile(f)),
          button('Back to scoreboard', () => this.#back(), { 'data-testid': 'replay-back' }),
        ),
      ),
    );
  }

  #status(text: string): void {
    this.#dock.replaceChildren(
      h(
        'p',
        { class: 'status theater-status', role: 'status', 'data-testid': 'replay-status' },
        text,
      ),
    );
  }

  async #openFile(f: File): Promise<void> {
    let replay: Replay;
    try {
      replay = readReplayFile(f.name, new Uint8Array(await f.arrayBuffer()));
    } catch (err) {
      if (this.#left) return;
      if (!(err instanceof ReplayFileError)) throw err;
      this.#theater?.pause();
      this.#showOpen(err.message);
      return;
    }
    if (this.#left) return;
    this.#ctx.setUrl({ name: 'replay', id: null }, this.#id === null ? 'replace' : 'push');
    await this.#play(replay, { kind: 'file', name: f.name });
  }

  async #play(replay: Replay, source: Source): Promise<void> {
    const timeline = new ReplayTimeline(replay);
    let bar: TheaterBar | null = null;
    const theater = new ReplayTheater(timeline, {
      onEvents: (ev, game) => {
        if (theater.speed <= SOUND_MAX_SPEED) playEvents(this.#ctx.sfx, ev, game);
      },
      // Commands show at once, not only on the next drawn frame.
      onChange: () => bar?.update(),
    });
    const r = timeline.result;
    const header =
      source.kind === 'stored'
        ? {
            title: `Replay: ${source.info.name}`,
            details: `${source.info.mode === 'duo' ? 'Duo' : 'Solo'} · ${num(source.info.score)} points · ${source.info.lines} lines · level ${source.info.level} (started at ${source.info.startLevel}) · ${new Date(source.info.at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}`,
            verified:
              r.score === source.info.score && r.lines === source.info.lines
                ? verifiedText(r)
                : `${verifiedText(r)} This does not match the stored result.`,
          }
        : {
            title: `Replay file: ${source.name}`,
            details: `Seed ${replay.seed} · started at level ${replay.startLevel}`,
            verified: verifiedText(r),
          };
    bar = new TheaterBar(theater, header, {
      download: () => this.#download(replay, source, r.score),
      openFile: (f) => void this.#openFile(f),
      back: () => this.#back(),
    });
    this.#theater = theater;
    this.#dock.replaceChildren(bar.root);
    bar.update();
    bar.root.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
    const driver = new TheaterDriver(
      theater,
      source.kind === 'stored' ? source.info.name : 'FILE',
      () => bar.update(),
    );
    await this.#ctx.stage.show(driver);
    if (!this.#left && this.#theater === theater) theater.play();
  }

  #download(replay: Replay, source: Source, score: number): void {
    const blob = new Blob([JSON.stringify(replay)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = h('a', {
      href: url,
      download:
        source.kind === 'stored'
          ? replayFileName({ name: source.info.name, score, id: source.id })
          : replayFileName({ score }),
    });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  #back(): void {
    this.#ctx.navigate({ name: 'scoreboard', replay: null });
  }
}
