import { NAME_MAX_LENGTH, validateName } from '@tengen/protocol';
import { button, h, panel } from './dom.ts';

/** Name entry controls: the form and a way to report the server's answer. */
export interface NameEntry {
  el: HTMLElement;
  /** Shows an error (from the server) and re-enables the form. */
  fail(message: string): void;
}

/**
 * The name form: 1-16 letters, digits, spaces, `_` or `-`, checked as you type with the protocol's
 * own rule (the server applies the same one). `onSubmit` gets the normalised name.
 */
export function nameEntry(opts: {
  initial: string;
  onSubmit(name: string): void;
  onCancel(): void;
}): NameEntry {
  const error = h(
    'p',
    { class: 'error', id: 'name-error', role: 'alert', 'data-testid': 'name-error' },
    '',
  );
  const input = h('input', {
    id: 'name-input',
    name: 'name',
    type: 'text',
    autocomplete: 'nickname',
    // No maxlength: a pasted long name would be cut without a word. The count and the error say it.
    required: true,
    spellcheck: 'false',
    autofocus: true,
    'aria-describedby': 'name-help name-count name-error',
    'data-testid': 'name-input',
    value: opts.initial,
  });
  const submit = h('button', { type: 'submit', 'data-testid': 'name-submit' }, 'Submit');
  const count = h('p', { class: 'hint name-count', id: 'name-count', 'data-testid': 'name-count' });
  const check = (): string | null => {
    const r = validateName(input.value);
    const n = input.value.trim().replace(/ {2,}/g, ' ').length;
    count.textContent = `${n} of ${NAME_MAX_LENGTH} characters`;
    count.classList.toggle('error', n > NAME_MAX_LENGTH);
    error.textContent = r.ok || input.value === '' ? '' : r.error;
    input.setAttribute('aria-invalid', String(!r.ok && input.value !== ''));
    return r.ok ? r.name : null;
  };
  input.addEventListener('input', () => void check());
  const form = h(
    'form',
    { class: 'name-form', novalidate: true },
    h('label', { for: 'name-input' }, 'Your name'),
    input,
    h(
      'p',
      { class: 'hint', id: 'name-help' },
      `1 to ${NAME_MAX_LENGTH} letters, digits, spaces, _ or -.`,
    ),
    count,
    error,
    h(
      'div',
      { class: 'actions' },
      submit,
      button('Cancel', () => opts.onCancel(), { 'data-testid': 'name-cancel' }),
    ),
  );
  void check();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const name = check();
    if (name === null) {
      if (input.value === '') error.textContent = 'Type a name first.';
      input.focus();
      return;
    }
    submit.disabled = true;
    error.textContent = 'Submitting…';
    opts.onSubmit(name);
  });
  return {
    el: panel('name-entry', 'Submit your score', form),
    fail(message) {
      submit.disabled = false;
      error.textContent = message;
      input.focus();
    },
  };
}
