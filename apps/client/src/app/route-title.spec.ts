import { describe, expect, it } from 'vitest';
import { pageTitle, screenName } from './route-title.ts';
import { parseRoute } from './router.ts';

describe('page titles', () => {
  it.each([
    ['/', 'Tengen Tetris'],
    ['/solo', 'Solo · Tengen Tetris'],
    ['/duo', 'Duo · Tengen Tetris'],
    ['/duo/K7QXM3PAHD', 'Duo room K7QXM3PAHD · Tengen Tetris'],
    ['/scoreboard', 'Scoreboard · Tengen Tetris'],
    ['/live', 'Live games · Tengen Tetris'],
    ['/watch/Ab_3-x9Qz', 'Watching a game · Tengen Tetris'],
    ['/nope', 'Page not found · Tengen Tetris'],
  ])('%s is titled %s', (path, title) => {
    expect(pageTitle(parseRoute(path))).toBe(title);
  });

  it('names a replay by its page', () => {
    expect(screenName(parseRoute('/scoreboard', '?replay=r_1'))).toBe('Replay');
  });
});
