import type { Route } from './router.ts';

/** The game's name, last in every page title. */
export const GAME_NAME = 'Tengen Tetris';

/** The screen's own name: the page's h1 and the first part of its title. */
export function screenName(route: Route): string {
  switch (route.name) {
    case 'title':
      return GAME_NAME;
    case 'solo':
      return 'Solo';
    case 'solo-game':
      return 'Solo game';
    case 'duo':
      return 'Duo';
    case 'duo-join':
      return `Duo room ${route.code}`;
    case 'duo-room':
      return 'Duo game';
    case 'scoreboard':
      return route.replay === null ? 'Scoreboard' : 'Replay';
    case 'player':
      return `Player ${route.player}`;
    case 'replay':
      return route.id === null ? 'Open a replay file' : 'Replay';
    case 'live':
      return 'Live games';
    case 'watch':
      return 'Watching a game';
    case 'not-found':
      return 'Page not found';
    default: {
      const never: never = route;
      throw new Error(`unknown route ${JSON.stringify(never)}`);
    }
  }
}

/** The document title of a route: "Scoreboard · Tengen Tetris", the title screen just the game's name. */
export function pageTitle(route: Route): string {
  const name = screenName(route);
  return name === GAME_NAME ? GAME_NAME : `${name} · ${GAME_NAME}`;
}
