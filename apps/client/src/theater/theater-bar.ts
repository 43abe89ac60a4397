import { FRAMES_PER_SECOND } from '@tengen/protocol';
import { button, h, setText } from '../ui/dom.ts';
import { StatsLine } from '../ui/stats-line.ts';
import { THEATER_SPEEDS, type ReplayTheater } from './replay-theater.ts';
import type { TimelineMark } from './replay-timeline.ts';

/** What the bar's buttons do besides driving the theater. */
export interface TheaterBarActions {
  download(): void;
  openFile(file: File): void;
  back(): void;
}

/** Game time as m:ss.t. */
export function clockText(frames: number): string {
  const tenths = Math.floor((frames / FRAMES_PER_SECOND) * 10);
  const m = Math.floor(tenths / 600);
  const s = Math.floor((tenths % 600) / 10);
  return `${m}:${String(s).padStart(2, '0')}.${tenths % 10}`;
}

function markLabel(m: TimelineMark): string {
  if (m.kind === 'levelUp') return `Level ${m.value}`;
  return m.value === 4 ? 'Tetris' : `${m.value} line${m.value === 1 ? '' : 's'}`;
}

/**
 * The theater's controls under the well (never over it): play/pause, frame steps, marks, speed, a
 * timeline with a tick per line clear and level-up, the statistics, and download/open/back.
 */
export class TheaterBar {
  readonly root: HTMLElement;
  readonly #theater: ReplayTheater;
  readonly #play: HTMLButtonElement;
  readonly #speed: HTMLSelectElement;
  readonly #range: HTMLInputElement;
  readonly #time: HTMLElement;
  readonly #stats = new StatsLine('theater-stats');
  #shown = -1;

  constructor(
    theater: ReplayTheater,
    header: { title: string; details: string; verified: string },
    actions: TheaterBarActions,
  ) {
    this.#theater = theater;
    const t = theater;
    const len = t.timeline.length;
    this.#play = button('Play', () => t.toggle(), { 'data-testid': 'theater-play' });
    this.#speed = h(
      'select',
      {
        'aria-label': 'Speed',
        'data-testid': 'theater-speed',
        onchange: () => t.setSpeed(Number(this.#speed.value)),
      },
      ...THEATER_SPEEDS.map((s) => h('option', { value: s, selected: s === 1 }, `${s}x`)),
    );
    this.#range = h('input', {
      type: 'range',
      min: 0,
      max: len,
      step: 1,
      value: 0,
      'aria-label': 'Position in the game',
      'data-testid': 'theater-seek',
      oninput: () => t.seek(Number(this.#range.value)),
    });
    const marks = h(
      'div',
      { class: 'theater-marks', 'aria-hidden': 'true' },
      ...t.timeline.marks.map((m) =>
        h('button', {
          type: 'button',
          tabindex: -1,
          class: `theater-mark mark-${m.kind}${m.kind === 'clear' && m.value === 4 ? ' mark-tetris' : ''}`,
          style: `left: ${len === 0 ? 0 : ((m.frame + 1) / len) * 100}%`,
          title: `${markLabel(m)} at ${clockText(m.frame + 1)}`,
          'data-testid': `mark-${m.kind}`,
          'data-frame': m.frame + 1,
          onclick: () => t.seek(m.frame + 1),
        }),
      ),
    );
    this.#time = h('span', { class: 'theater-time', 'data-testid': 'theater-time' }, '');
    const ctl = (label: string, name: string, id: string, key: string, fn: () => void) =>
      button(label, fn, { 'aria-label': name, title: `${name} (${key})`, 'data-testid': id });
    this.root = h(
      'section',
      { class: 'theater', 'data-testid': 'theater', 'aria-labelledby': 'theater-title' },
      h(
        'div',
        { class: 'theater-head' },
        h(
          'h2',
          { id: 'theater-title', tabindex: -1, 'data-testid': 'theater-title' },
          header.title,
        ),
        h('p', { class: 'theater-details', 'data-testid': 'theater-details' }, header.details),
        h('p', { class: 'theater-verified', 'data-testid': 'theater-verified' }, header.verified),
      ),
      h('div', { class: 'theater-timeline' }, this.#range, marks),
      h(
        'div',
        { class: 'theater-controls', role: 'toolbar', 'aria-label': 'Replay controls' },
        this.#play,
        ctl('◀|', 'Previous frame', 'theater-frame-back', ',', () => t.step(-1)),
        ctl('|▶', 'Next frame', 'theater-frame-next', '.', () => t.step(1)),
        ctl('◀◀', 'Previous line clear or level-up', 'theater-mark-back', '[', () => t.jump(-1)),
        ctl('▶▶', 'Next line clear or level-up', 'theater-mark-next', ']', () => t.jump(1)),
        this.#speed,
        this.#time,
      ),
      this.#stats.root,
      h(
        'div',
        { class: 'theater-files' },
        button('Download replay', actions.download, { 'data-testid': 'theater-download' }),
        openFileButton(actions.openFile),
        button('Back to scoreboard', actions.back, { 'data-testid': 'replay-back' }),
      ),
      h(
        'p',
        { class: 'hint theater-keys' },
        'Keys: Space play/pause · , . frame · [ ] line clears · - + speed · Home End',
      ),
    );
  }

  /** Follows the theater (called every drawn frame; touches the DOM only on change). */
  update(): void {
    const t = this.#theater;
    setText(this.#play, t.playing ? 'Pause' : t.atEnd ? 'Replay' : 'Play');
    this.#play.setAttribute('aria-pressed', String(t.playing));
    if (this.#speed.value !== String(t.speed)) this.#speed.value = String(t.speed);
    if (this.#shown === t.frame) return;
    this.#shown = t.frame;
    this.#range.value = String(t.frame);
    this.#range.setAttribute('aria-valuetext', `${clockText(t.frame)}, frame ${t.frame}`);
    setText(
      this.#time,
      `${clockText(t.frame)} / ${clockText(t.timeline.length)} · frame ${t.frame}`,
    );
    this.#stats.update(t.stats());
  }
}

/**
 * "Open a replay file…": a label holding a hidden file input, which hands the chosen file to `open`
 * (and forgets it, so the same file can be chosen again).
 */
export function openFileButton(open: (file: File) => void): HTMLElement {
  const file = h('input', {
    type: 'file',
    accept: '.json,application/json,.bin',
    class: 'sr-only',
    'data-testid': 'theater-file',
    onchange: () => {
      const f = file.files?.[0];
      if (f !== undefined) open(f);
      file.value = '';
    },
  });
  return h('label', { class: 'button-like' }, 'Open a replay file…', file);
}
