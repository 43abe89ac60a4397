import { validateName, type PlayerResponse } from '@tengen/protocol';
import type { Command } from '../input/input-hub.ts';
import { NameKeyStore } from '../net/name-key-store.ts';
import { h, panel } from '../ui/dom.ts';
import { playerPanel, type NameSection } from '../ui/player-panel.ts';
import type { AppContext, Mode } from './context.ts';

/** A player's page (`/player/NAME`): best games, recent games, and moving the name between devices. */
export class PlayerMode implements Mode {
  readonly #ctx: AppContext;
  readonly #name: string;
  readonly #keys: NameKeyStore;
  #page: PlayerResponse | null = null;
  #section: NameSection = { kind: 'free' };
  #left = false;

  constructor(ctx: AppContext, name: string) {
    this.#ctx = ctx;
    this.#name = name;
    this.#keys = new NameKeyStore(ctx.store);
  }

  enter(): void {
    this.#ctx.showDemo();
    const check = validateName(this.#name);
    if (!check.ok) {
      this.#ctx.panel.show(
        panel(
          'player',
          'Player',
          h(
            'p',
            { 'data-testid': 'player-empty' },
            `"${this.#name}" is not a player name: ${check.error}.`,
          ),
        ),
        { focus: true },
      );
      return;
    }
    this.#ctx.panel.show(panel('player', check.name, h('p', { role: 'status' }, 'Loading…')), {
      focus: true,
    });
    void this.#load(check.name);
  }

  leave(): void {
    this.#left = true;
  }

  onCommand(_c: Command): void {
    // Nothing to pause here.
  }

  async #load(name: string): Promise<void> {
    try {
      const page = await this.#ctx.net.api.player(name);
      if (this.#left) return;
      this.#page = page;
      const mine = this.#keys.key() !== undefined && this.#keys.holds(name);
      this.#section = mine
        ? { kind: 'yours', code: null, error: '' }
        : page.held
          ? { kind: 'held', error: '' }
          : { kind: 'free' };
      this.#render(true);
    } catch (err) {
      if (this.#left) return;
      this.#ctx.panel.show(
        panel('player', name, h('p', { class: 'error', role: 'alert' }, (err as Error).message)),
      );
    }
  }

  #render(focus = false): void {
    if (this.#left || !this.#page) return;
    this.#ctx.panel.show(
      playerPanel(this.#page, this.#section, {
        onWatch: (row) => this.#ctx.navigate({ name: 'replay', id: row.replayId }),
        onAskCode: () => void this.#askCode(),
        onClaim: (code) => void this.#claim(code),
        onBack: () => this.#ctx.navigate({ name: 'scoreboard', replay: null }),
      }),
      { focus },
    );
  }

  async #askCode(): Promise<void> {
    const key = this.#keys.key();
    if (!this.#page || !key) return;
    try {
      const c = await this.#ctx.net.api.nameCode(this.#page.name, key);
      const until = new Date(c.expiresAt).toLocaleTimeString([], {
        hour: '2-digit',
        minute: '2-digit',
      });
      this.#section = { kind: 'yours', code: { code: c.code, until }, error: '' };
    } catch (err) {
      this.#section = { kind: 'yours', code: null, error: (err as Error).message };
    }
    this.#render();
  }

  async #claim(code: string): Promise<void> {
    if (!this.#page) return;
    if (code.trim() === '') {
      this.#section = { kind: 'held', error: 'Type the code shown on your other device first.' };
      return this.#render();
    }
    try {
      const moved = await this.#ctx.net.api.claimName(this.#page.name, code, this.#keys.key());
      this.#keys.keep(moved.key);
      this.#keys.hold(this.#page.name);
      this.#section = { kind: 'yours', code: null, error: '' };
      this.#ctx.banner.show(
        'name-moved',
        `"${this.#page.name}" is yours on this browser now.`,
        'info',
        8000,
      );
    } catch (err) {
      this.#section = { kind: 'held', error: (err as Error).message };
    }
    this.#render();
    document
      .getElementById(this.#section.kind === 'held' ? 'move-code-input' : 'player-title')
      ?.focus();
  }
}
