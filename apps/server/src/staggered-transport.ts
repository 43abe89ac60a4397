import { WebSocketTransport, type TransportOptions } from '@colyseus/ws-transport';

/** The parts of a `ws` socket the heartbeat touches (the transport counts unanswered pings). */
interface HeartbeatSocket {
  pingCount: number;
  ping(cb: () => void): void;
  terminate(): void;
}

/** Heartbeat slices: each tick pings one slice of the sockets. */
const SLICES = 12;
const noop = () => undefined;

/**
 * Colyseus's WebSocket transport with the keep-alive spread out: the stock one pings every socket
 * in the same instant every `pingInterval` (3 s), a burst of thousands of writes that stalls the
 * event loop for tens of milliseconds at a few thousand players. Here each socket is still pinged
 * once per interval, and dropped after `pingMaxRetries` unanswered pings, but a twelfth at a time.
 */
export class StaggeredWebSocketTransport extends WebSocketTransport {
  /** Called once per socket that breaks the WebSocket protocol (ws closes it): log one line. */
  onProtocolError: (message: string) => void = () => undefined;

  constructor(options: TransportOptions) {
    super(options);
    // The base class registers `onConnection` unbound (`this` would be the ws server): rebind it.
    this.wss.removeAllListeners('connection');
    this.wss.on('connection', (...args: Parameters<WebSocketTransport['onConnection']>) =>
      this.onConnection(...args),
    );
  }

  /** Open WebSocket connections (joined to a room or not). */
  get connectionCount(): number {
    return this.wss.clients.size;
  }

  /**
   * Colyseus logs a socket error with its stack trace; a client that sends a bad frame (bad
   * opcode, bad UTF-8, above `maxPayload`) can trigger that at will, so it is one short line here.
   */
  override async onConnection(...args: Parameters<WebSocketTransport['onConnection']>) {
    const [rawClient] = args;
    const done = super.onConnection(...args);
    rawClient.removeAllListeners('error');
    rawClient.on('error', (err: Error) => this.onProtocolError(err.message));
    return done;
  }

  protected override autoTerminateUnresponsiveClients(
    pingInterval: number,
    pingMaxRetries: number,
  ): void {
    let slice = 0;
    this.pingInterval = setInterval(() => {
      let i = 0;
      for (const socket of this.wss.clients as Set<unknown> as Set<HeartbeatSocket>) {
        if (i++ % SLICES !== slice) continue;
        if (socket.pingCount >= pingMaxRetries) {
          socket.terminate();
          continue;
        }
        socket.pingCount++;
        socket.ping(noop);
      }
      slice = (slice + 1) % SLICES;
    }, pingInterval / SLICES);
  }
}
