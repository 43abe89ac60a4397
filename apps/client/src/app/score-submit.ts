import type { RoomName } from '@tengen/protocol';
import type { SubmitResult } from '../game/backend.ts';
import { NameKeyStore } from '../net/name-key-store.ts';
import { LAST_NAME_KEY, nameEntry } from '../ui/name-entry.ts';
import type { AppContext } from './context.ts';
import { submittedText } from './submitted-text.ts';

/**
 * The name entry after a game, shared by solo and duo: offers the last name used, submits, keeps
 * the name for next time, announces the rank on the `board` (or that a kept score appears shortly), then hands over to `onSaved`. A
 * refusal is shown in the form (the player can fix the name or cancel).
 */
export function askNameAndSubmit(
  ctx: AppContext,
  opts: {
    board: RoomName;
    /** Submits under `name` with this browser's name key (if it has one). */
    submit(name: string, key: string | undefined): Promise<SubmitResult>;
    onSaved(result: SubmitResult): void;
    onCancel(): void;
  },
): void {
  const store = ctx.store;
  const keys = new NameKeyStore(store);
  let initial: string;
  try {
    initial = store?.getItem(LAST_NAME_KEY) ?? '';
  } catch {
    initial = '';
  }
  const entry = nameEntry({
    initial,
    onCancel: opts.onCancel,
    onSubmit: (name) => {
      opts.submit(name, keys.key()).then(
        (r) => {
          // The name is this browser's now: keep a key the server issued, and remember the name.
          keys.keep(r.key);
          keys.hold(name);
          try {
            store?.setItem(LAST_NAME_KEY, name);
          } catch {
            // Not remembered; harmless.
          }
          ctx.banner.show('submitted', submittedText(name, r, opts.board), 'info', 10_000);
          opts.onSaved(r);
        },
        (err: unknown) => entry.fail((err as Error).message),
      );
    },
  });
  ctx.panel.show(entry.el);
}
