import { normaliseRoomCode } from '../app/router.ts';
import { button, h, panel } from './dom.ts';

/** The duo lobby: quick match, create a private room, or join one by code or link. */
export function duoLobby(opts: {
  error: string | null;
  initialCode?: string;
  onQuick(): void;
  onCreate(): void;
  onJoin(code: string): void;
  onBack(): void;
}): HTMLElement {
  const error = h(
    'p',
    { class: 'error', role: 'alert', 'data-testid': 'duo-error' },
    opts.error ?? '',
  );
  const input = h('input', {
    id: 'room-code',
    type: 'text',
    inputmode: 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'room code or invite link',
    'data-testid': 'room-code',
    value: opts.initialCode ?? '',
  });
  const form = h(
    'form',
    { class: 'join-form name-form', novalidate: true },
    h('label', { for: 'room-code' }, 'Join a friend: room code or invite link'),
    input,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', 'data-testid': 'join-room' }, 'Join'),
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const code = normaliseRoomCode(input.value);
    if (code === null) {
      error.textContent =
        'That is not a room code: codes are 4 letters or digits (or paste the whole invite link).';
      input.focus();
      return;
    }
    opts.onJoin(code);
  });
  return panel(
    'duo-lobby',
    'Duo',
    h('p', {}, 'Play head to head with the same pieces. Either player pauses both games.'),
    error,
    h(
      'div',
      { class: 'menu' },
      button('Quick match', opts.onQuick, { autofocus: true, 'data-testid': 'quick-match' }),
      button('Create private room', opts.onCreate, { 'data-testid': 'create-room' }),
    ),
    form,
    h('div', { class: 'actions' }, button('Back', opts.onBack, { 'data-testid': 'duo-back' })),
  );
}

/** "Connecting…" with a way out. */
export function connectingPanel(text: string, onCancel: () => void): HTMLElement {
  return panel(
    'duo-connecting',
    'Duo',
    h('p', { role: 'status' }, text),
    h(
      'div',
      { class: 'actions' },
      button('Cancel', onCancel, { autofocus: true, 'data-testid': 'cancel' }),
    ),
  );
}

/**
 * Waiting for a second player: quick match says so; a private room shows its code and a copyable
 * invite link.
 */
export function waitingPanel(opts: {
  code: string | null;
  link: string | null;
  onCancel(): void;
  /** The host of a private room: offers "Close room" instead of "Cancel". */
  onClose?: () => void;
}): HTMLElement {
  const copied = h('span', { role: 'status', 'data-testid': 'copy-status' }, '');
  const invite =
    opts.code && opts.link
      ? [
          h('p', {}, 'Private room. Give your friend this code or link:'),
          h('p', { class: 'invite' }, h('code', { 'data-testid': 'room-code-display' }, opts.code)),
          h(
            'p',
            { class: 'invite' },
            h('input', {
              type: 'text',
              readonly: true,
              value: opts.link,
              'aria-label': 'Invite link',
              'data-testid': 'invite-link',
              onfocus: (e: Event) => (e.target as HTMLInputElement).select(),
            }),
            button('Copy link', () => copy(opts.link!, copied), { 'data-testid': 'copy-link' }),
            copied,
          ),
        ]
      : [h('p', { role: 'status' }, 'Please wait while we find you another player…')];
  return panel(
    'duo-waiting',
    'Waiting for a player',
    ...invite,
    h(
      'div',
      { class: 'actions' },
      opts.onClose
        ? button('Close room', opts.onClose, { autofocus: true, 'data-testid': 'close-room' })
        : button('Cancel', opts.onCancel, { autofocus: true, 'data-testid': 'cancel' }),
    ),
  );
}

function copy(text: string, status: HTMLElement): void {
  const done = (ok: boolean): void => {
    status.textContent = ok ? 'Copied.' : 'Copy failed: select the link and copy it.';
  };
  if (navigator.clipboard?.writeText)
    navigator.clipboard.writeText(text).then(
      () => done(true),
      () => done(false),
    );
  else done(false);
}
