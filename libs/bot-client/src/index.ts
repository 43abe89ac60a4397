// @tengen/bot-client: a bot that plays over a real Colyseus connection, as the browser does.
// Used by the server's end-to-end tests, the image smoke test and anything else that needs a player.
export { TestPlayer, type PlayOptions } from './test-player.ts';
