import { nameEntry } from '../ui/name-entry.ts';
import type { AppContext } from './context.ts';
import type { PostGameUi } from './post-game.ts';

/**
 * The post-game flow in the page: the screen's own game-over panel (`showPanel`: solo's or duo's),
 * the shared name entry, and the banner that says where the score went.
 */
export function domPostGameUi(ctx: AppContext, showPanel: PostGameUi['showPanel']): PostGameUi {
  return {
    showPanel,
    showNameEntry(initial, onSubmit, onCancel) {
      const entry = nameEntry({ initial, onSubmit, onCancel });
      ctx.panel.show(entry.el);
      return entry;
    },
    announce: (text) => ctx.banner.show('submitted', text, 'info', 10_000),
  };
}
