import type { GameMode } from '@tengen/protocol';
import type { SubmitResult } from '../game/backend.ts';
import type { KeyValueStore } from '../input/bindings-store.ts';
import { NameKeyStore } from '../net/name-key-store.ts';
import { submittedText } from './submitted-text.ts';
import { recordTop } from './top-score.ts';

/** localStorage key of the last name a score was stored under: the name entry offers it next time. */
export const LAST_NAME_KEY = 'tengen.name';

/** What the player can do after a top-out, solo or duo (each panel offers the ones its screen has). */
export type PostGameChoice =
  /** Solo: TRY AGAIN at the same level. Duo: ask for a rematch. */
  | { kind: 'again' }
  /** The name entry, then (solo) the next game or (duo) back to the panel. */
  | { kind: 'submit' }
  /** Solo: back to the level select (a duo room keeps its level). */
  | { kind: 'level' }
  /** Solo: the menu. Duo: leave the room. */
  | { kind: 'leave' };

/** A finished game as the panels show it. */
export interface GameResult {
  score: number;
  lines: number;
  level: number;
}

/** What the game-over panel shows: the result and what the player did with it so far. */
export interface PostGameView {
  result: GameResult;
  /** The score was stored (or kept for the board). */
  submitted: boolean;
  /** Why the score cannot be stored (offline, unranked), or null. */
  submitBlocked: string | null;
}

/** The screens the flow shows (the DOM in the app: `domPostGameUi`). */
export interface PostGameUi {
  /** The screen's game-over panel; its buttons call `choose`. */
  showPanel(view: PostGameView, choose: (c: PostGameChoice) => void): void;
  /** The name entry offering `initial`; returns a way to show a refusal in the form. */
  showNameEntry(
    initial: string,
    onSubmit: (name: string) => void,
    onCancel: () => void,
  ): { fail(message: string): void };
  /** Tells the player where the score went. */
  announce(text: string): void;
}

/** What solo and duo differ in after a game. */
export interface PostGameScreen {
  /** The board the score goes to. */
  board: GameMode;
  /** Why the score cannot be stored, or null. */
  submitBlocked: string | null;
  /** Submits under `name` with this browser's name key (if it has one). */
  submit(name: string, key: string | undefined): Promise<SubmitResult>;
  /**
   * Where a stored score leads: straight into the next game (solo: the NES's SUBMIT AND TRY AGAIN)
   * or back to the panel (duo: the rematch waits for both players).
   */
  afterSaved: 'again' | 'panel';
  again(): void;
  /** Back to the level select; null where the level is fixed (a duo room). */
  changeLevel: (() => void) | null;
  leave(): void;
}

/** The name the name entry offers: the last one a score was stored under on this browser. */
export function rememberedName(store: KeyValueStore | null): string {
  try {
    return store?.getItem(LAST_NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

/**
 * Game over -> panel -> retry, name entry or leave, for solo and duo alike: records the TOP score,
 * offers the remembered name, submits with this browser's name key, keeps the name and the key the
 * server issued, says where the score went, and hands each choice to the screen. A refusal stays
 * in the name entry (the player can fix the name or cancel).
 */
export class PostGameFlow {
  readonly #store: KeyValueStore | null;
  readonly #ui: PostGameUi;
  readonly #screen: PostGameScreen;
  readonly #result: GameResult;
  #submitted = false;
  #naming = false;
  #done = false;

  constructor(
    deps: { store: KeyValueStore | null; ui: PostGameUi; screen: PostGameScreen },
    result: GameResult,
  ) {
    this.#store = deps.store;
    this.#ui = deps.ui;
    this.#screen = deps.screen;
    this.#result = { ...result };
    recordTop(this.#store, result.score);
    this.show();
  }

  /** What the panel shows now. */
  get view(): PostGameView {
    return {
      result: this.#result,
      submitted: this.#submitted,
      submitBlocked: this.#screen.submitBlocked,
    };
  }

  /** True while the name entry is up (the screen's own updates must not replace it). */
  get naming(): boolean {
    return this.#naming;
  }

  /** Shows the game-over panel (again: after a cancel, or when the screen's own state changed). */
  show(): void {
    if (this.#done) return;
    this.#naming = false;
    this.#ui.showPanel(this.view, (c) => this.choose(c));
  }

  /** The player's choice on the panel. */
  choose(c: PostGameChoice): void {
    if (this.#done) return;
    switch (c.kind) {
      case 'again':
        return this.#screen.again();
      case 'submit':
        return this.#askName();
      case 'level': {
        const change = this.#screen.changeLevel;
        if (change === null)
          throw new Error(`the ${this.#screen.board} screen has no level to change`);
        return change();
      }
      case 'leave':
        return this.#screen.leave();
      default: {
        const never: never = c;
        throw new Error(`unknown choice ${JSON.stringify(never)}`);
      }
    }
  }

  /** The screen is closing (a new game, leaving): a late answer touches nothing. */
  dispose(): void {
    this.#done = true;
  }

  #askName(): void {
    // The panel offers no Submit then; a stale press (a second click, a key) does nothing.
    if (this.#submitted || this.#screen.submitBlocked !== null) return;
    const keys = new NameKeyStore(this.#store);
    this.#naming = true;
    const entry = this.#ui.showNameEntry(
      rememberedName(this.#store),
      (name) => {
        this.#screen.submit(name, keys.key()).then(
          (r) => this.#saved(name, r, keys),
          (err: unknown) => {
            if (!this.#done) entry.fail((err as Error).message);
          },
        );
      },
      () => this.show(),
    );
  }

  #saved(name: string, r: SubmitResult, keys: NameKeyStore): void {
    // The name is this browser's now: keep a key the server issued, and remember the name.
    keys.keep(r.key);
    keys.hold(name);
    try {
      this.#store?.setItem(LAST_NAME_KEY, name);
    } catch {
      // Not remembered (private mode); harmless.
    }
    this.#submitted = true;
    this.#ui.announce(submittedText(name, r, this.#screen.board));
    if (this.#done) return;
    if (this.#screen.afterSaved === 'again') this.#screen.again();
    else this.show();
  }
}
