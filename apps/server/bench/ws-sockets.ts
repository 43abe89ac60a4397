// Imported first by the load generator: with Node's built-in WebSocket gone, the SDK (which picks its
// WebSocket class when it loads) uses the `ws` package, whose sockets count the exact wire bytes that
// `LeanPair.wire` reports and take the raw reads `lean-pair.ts` installs. ES modules run their
// imports in order, so this runs before the SDK loads.
Reflect.deleteProperty(globalThis, 'WebSocket');
