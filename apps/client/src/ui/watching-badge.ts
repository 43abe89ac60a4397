import type { RoomStateShape } from '@tengen/protocol';
import type { RoomLink } from '../net/room-link.ts';
import { h, setText } from './dom.ts';

/** The players' line for the room's spectator count ("3 watching"); empty with nobody watching. */
export function watchingText(st: Pick<RoomStateShape, 'spectators'> | null): string {
  const n = st?.spectators ?? 0;
  return n > 0 ? `${n} watching` : '';
}

/**
 * Shows the players how many spectators watch their room, in the top bar (so it never moves the
 * boards). Returns the function that removes it.
 */
export function showWatching(link: RoomLink, doc: Document = document): () => void {
  const el = h('span', { class: 'watching', role: 'status', 'data-testid': 'watching' });
  const bar = doc.querySelector('.topbar');
  if (bar === null) return () => undefined;
  bar.insertBefore(el, bar.querySelector('.toplinks'));
  const update = (st: RoomStateShape | null) => {
    const text = watchingText(st);
    setText(el, text);
    el.hidden = text === '';
  };
  update(link.state);
  const off = link.on('state', update);
  return () => {
    off();
    el.remove();
  };
}
