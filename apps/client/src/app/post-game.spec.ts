import { describe, expect, it } from 'vitest';
import type { SubmitResult } from '../game/backend.ts';
import { NAME_KEY_STORAGE } from '../net/name-key-store.ts';
import {
  LAST_NAME_KEY,
  PostGameFlow,
  rememberedName,
  type PostGameChoice,
  type PostGameScreen,
  type PostGameUi,
  type PostGameView,
} from './post-game.ts';
import { memoryStore, refusingStore } from '../testing/memory-store.ts';
import { loadTop } from './top-score.ts';

/** What the flow showed, in order, with the handles a player would use. */
class ScreenLog implements PostGameUi {
  readonly shown: string[] = [];
  readonly announced: string[] = [];
  readonly failures: string[] = [];
  panel: { view: PostGameView; choose: (c: PostGameChoice) => void } | null = null;
  entry: { initial: string; submit: (name: string) => void; cancel: () => void } | null = null;

  showPanel(view: PostGameView, choose: (c: PostGameChoice) => void): void {
    this.shown.push('panel');
    this.panel = { view, choose };
    this.entry = null;
  }

  showNameEntry(initial: string, submit: (name: string) => void, cancel: () => void) {
    this.shown.push('name');
    this.entry = { initial, submit, cancel };
    this.panel = null;
    return { fail: (m: string) => void this.failures.push(m) };
  }

  announce(text: string): void {
    this.announced.push(text);
  }
}

const stored = (over: Partial<SubmitResult> = {}): SubmitResult =>
  ({ kind: 'stored', rank: 3, replayId: 'r1', score: 4200, ...over }) as SubmitResult;

/** A screen recording what it was asked to do; `submit` answers with `answer`. */
function screen(
  over: Partial<PostGameScreen> = {},
  answer: () => Promise<SubmitResult> = async () => stored(),
) {
  const calls: string[] = [];
  const submits: { name: string; key: string | undefined }[] = [];
  const s: PostGameScreen = {
    board: 'solo',
    submitBlocked: null,
    afterSaved: 'again',
    submit: (name, key) => (submits.push({ name, key }), answer()),
    again: () => void calls.push('again'),
    changeLevel: () => void calls.push('level'),
    leave: () => void calls.push('leave'),
    ...over,
  };
  return { s, calls, submits };
}

const result = { score: 4200, lines: 12, level: 9 };
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('PostGameFlow', () => {
  it('records the TOP score and shows the panel with the result', () => {
    const store = memoryStore();
    const ui = new ScreenLog();
    new PostGameFlow({ store, ui, screen: screen().s }, result);
    expect(loadTop(store)).toBe(4200);
    expect(ui.panel?.view).toEqual({ result, submitted: false, submitBlocked: null });
  });

  it('hands again, level and leave to the screen', () => {
    const ui = new ScreenLog();
    const { s, calls } = screen();
    const flow = new PostGameFlow({ store: memoryStore(), ui, screen: s }, result);
    flow.choose({ kind: 'again' });
    flow.choose({ kind: 'level' });
    ui.panel!.choose({ kind: 'leave' });
    expect(calls).toEqual(['again', 'level', 'leave']);
  });

  it('refuses a level change on a screen whose level is fixed, and a choice it does not know', () => {
    const { s } = screen({ board: 'duo', changeLevel: null });
    const flow = new PostGameFlow({ store: memoryStore(), ui: new ScreenLog(), screen: s }, result);
    expect(() => flow.choose({ kind: 'level' })).toThrow(/duo screen has no level to change/);
    expect(() => flow.choose({ kind: 'cheat' } as unknown as PostGameChoice)).toThrow(
      /unknown choice {"kind":"cheat"}/,
    );
  });

  it('solo: submits, remembers the name and the key, says the rank, then starts the next game', async () => {
    const store = memoryStore();
    const ui = new ScreenLog();
    const key = 'k'.repeat(43);
    const { s, calls, submits } = screen({}, async () => stored({ key }));
    new PostGameFlow({ store, ui, screen: s }, result).choose({ kind: 'submit' });
    expect(ui.entry?.initial).toBe('');
    ui.entry!.submit('ALEXEY');
    await settle();
    expect(submits).toEqual([{ name: 'ALEXEY', key: undefined }]);
    expect(ui.announced).toEqual(['Saved: ALEXEY scored 4200, rank #3 on the solo board.']);
    expect(calls).toEqual(['again']);
    expect(store.data.get(LAST_NAME_KEY)).toBe('ALEXEY');
    expect(store.data.get(NAME_KEY_STORAGE)).toBe(key);

    // The next game's name entry offers the name, and the submit carries the key.
    const next = new ScreenLog();
    const again = screen();
    new PostGameFlow({ store, ui: next, screen: again.s }, result).choose({ kind: 'submit' });
    expect(next.entry?.initial).toBe('ALEXEY');
    next.entry!.submit('ALEXEY');
    await settle();
    expect(again.submits).toEqual([{ name: 'ALEXEY', key }]);
  });

  it('duo: the same name memory, then back to the panel, which no longer offers Submit', async () => {
    const store = memoryStore();
    store.setItem(LAST_NAME_KEY, 'PAJITNOV');
    const ui = new ScreenLog();
    const { s, calls } = screen(
      { board: 'duo', afterSaved: 'panel', changeLevel: null },
      async () => ({
        kind: 'queued',
        replayId: 'r2',
        score: 4200,
      }),
    );
    const flow = new PostGameFlow({ store, ui, screen: s }, result);
    flow.choose({ kind: 'submit' });
    expect(ui.entry?.initial).toBe('PAJITNOV');
    ui.entry!.submit('PAJITNOV');
    await settle();
    expect(ui.announced[0]).toMatch(/^Saved: PAJITNOV scored 4200\. .*on the duo board shortly\.$/);
    expect(calls).toEqual([]);
    expect(ui.panel?.view.submitted).toBe(true);
    // A second press of a stale Submit does not open the name entry again.
    flow.choose({ kind: 'submit' });
    expect(ui.shown).toEqual(['panel', 'name', 'panel']);
  });

  it('a refusal stays in the name entry, remembers nothing, and the player can try another name', async () => {
    const store = memoryStore();
    const ui = new ScreenLog();
    let refuse = true;
    const { s, calls } = screen({}, async () => {
      if (refuse) throw new Error('That name belongs to another player.');
      return stored();
    });
    new PostGameFlow({ store, ui, screen: s }, result).choose({ kind: 'submit' });
    ui.entry!.submit('TAKEN');
    await settle();
    expect(ui.failures).toEqual(['That name belongs to another player.']);
    expect(ui.shown).toEqual(['panel', 'name']);
    expect(store.data.has(LAST_NAME_KEY)).toBe(false);
    refuse = false;
    ui.entry!.submit('MINE');
    await settle();
    expect(store.data.get(LAST_NAME_KEY)).toBe('MINE');
    expect(calls).toEqual(['again']);
  });

  it('cancel goes back to the panel, unsubmitted', () => {
    const ui = new ScreenLog();
    const flow = new PostGameFlow({ store: memoryStore(), ui, screen: screen().s }, result);
    flow.choose({ kind: 'submit' });
    expect(flow.naming).toBe(true);
    ui.entry!.cancel();
    expect(flow.naming).toBe(false);
    expect(ui.shown).toEqual(['panel', 'name', 'panel']);
    expect(ui.panel?.view.submitted).toBe(false);
  });

  it('a blocked score (offline, unranked) never opens the name entry', () => {
    const ui = new ScreenLog();
    const { s, submits } = screen({
      submitBlocked: 'Offline game: this score cannot be verified.',
    });
    const flow = new PostGameFlow({ store: memoryStore(), ui, screen: s }, result);
    expect(ui.panel?.view.submitBlocked).toBe('Offline game: this score cannot be verified.');
    flow.choose({ kind: 'submit' });
    expect(ui.shown).toEqual(['panel']);
    expect(submits).toEqual([]);
  });

  it('after dispose (the rematch started, the player left) choices and late answers touch nothing', async () => {
    const ui = new ScreenLog();
    let answer: ((r: SubmitResult) => void) | undefined;
    const { s, calls } = screen({ afterSaved: 'panel' }, () => new Promise((r) => (answer = r)));
    const flow = new PostGameFlow({ store: memoryStore(), ui, screen: s }, result);
    flow.choose({ kind: 'submit' });
    ui.entry!.submit('LATE');
    flow.dispose();
    answer!(stored());
    await settle();
    flow.choose({ kind: 'again' });
    flow.show();
    // The score was stored: the player is still told so, but no panel comes back.
    expect(ui.announced).toHaveLength(1);
    expect(ui.shown).toEqual(['panel', 'name']);
    expect(calls).toEqual([]);
  });

  it('works with a storage that refuses everything: nothing remembered, the score still goes', async () => {
    const ui = new ScreenLog();
    const { s, calls } = screen();
    new PostGameFlow({ store: refusingStore, ui, screen: s }, result).choose({ kind: 'submit' });
    expect(ui.entry?.initial).toBe('');
    ui.entry!.submit('PRIVATE');
    await settle();
    expect(calls).toEqual(['again']);
    expect(rememberedName(refusingStore)).toBe('');
  });
});
