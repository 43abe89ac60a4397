import type { SessionNotice } from '../game/backend.ts';
import type { Banner } from '../ui/banner.ts';

/** Shows a session notice as a banner line (reconnecting, server restarting, unranked, lost). */
export function showSessionNotice(banner: Banner, n: SessionNotice): void {
  switch (n.kind) {
    case 'dropped':
      banner.show('connection', 'Connection lost. Reconnecting…', 'warning');
      return;
    case 'reconnected':
      banner.show('connection', 'Reconnected.', 'info', 3000);
      return;
    case 'serverRestarting':
      banner.show(
        'restarting',
        `The server is restarting: finish (and submit) within ${n.seconds} s. No new games until it is back.`,
        'warning',
      );
      return;
    case 'unranked':
      banner.show('unranked', n.message, 'warning', 10_000);
      return;
    case 'lost':
      banner.hide('connection');
      banner.show('lost', n.message, 'error');
      return;
    default: {
      const never: never = n;
      throw new Error(`unknown notice ${JSON.stringify(never)}`);
    }
  }
}
