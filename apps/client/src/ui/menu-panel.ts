import type { GameMode } from '@tengen/protocol';
import type { Bindings } from '../input/bindings.ts';
import { keyHints } from '../input/key-hints.ts';
import { button, h, panel } from './dom.ts';

/** The title menu's choices. */
export type MenuChoice = GameMode | 'scoreboard' | 'controls';

/** The title menu: real buttons named Solo, Duo, Scoreboard and Controls, and the player's keys. */
export function menuPanel(onChoose: (c: MenuChoice) => void, bindings: Bindings): HTMLElement {
  const pick = (c: MenuChoice) => (): void => onChoose(c);
  return panel(
    'menu',
    'Tengen Tetris',
    h(
      'p',
      { class: 'lede' },
      'NES Tetris, frame for frame. Every high score is re-played by the server.',
    ),
    h(
      'nav',
      { class: 'menu', 'aria-label': 'Main menu' },
      button('Solo', pick('solo'), { autofocus: true, 'data-testid': 'menu-solo' }),
      button('Duo', pick('duo'), { 'data-testid': 'menu-duo' }),
      button('Scoreboard', pick('scoreboard'), { 'data-testid': 'menu-scoreboard' }),
      button('Controls', pick('controls'), { 'data-testid': 'menu-controls' }),
    ),
    h('p', { class: 'hint', 'data-testid': 'key-hints' }, keyHints(bindings)),
  );
}
