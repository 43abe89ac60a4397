import { unrankedText, type UnrankedReason } from '@tengen/protocol';

/** What a player can do about each reason, appended to the protocol's plain words. */
function hint(reason: UnrankedReason): string {
  switch (reason) {
    case 'aheadOfClock':
      return '';
    case 'behindClock':
      return ' (slow motion, or the game was frozen: pause instead of leaving the tab)';
    case 'pauseLimit':
      return '';
    default: {
      const never: never = reason;
      throw new Error(`unknown unranked reason ${String(never)}`);
    }
  }
}

/** The banner and game-over line for an unranked game: why, and what it means for the player. */
export function unrankedNotice(reason: UnrankedReason): string {
  return `Unranked: ${unrankedText(reason)}${hint(reason)}. Play on; this game cannot be submitted.`;
}
