import { WebSocketTransport, type TransportOptions } from '@colyseus/ws-transport';
import { readFramesDirectly, type DirectReads } from './rooms/direct-reads.ts';

/** The parts of a `ws` socket the heartbeat touches (the transport counts unanswered pings). */
export interface HeartbeatSocket {
  pingCount: number;
  ping(cb: () => void): void;
  terminate(): void;
  /** The TCP socket (null once closed): its byte counter shows whether the client sent anything. */
  _socket?: { bytesRead: number } | null;
  /** `bytesRead` when this heartbeat last looked. */
  heardBytes?: number;
}

/** Heartbeat slices: each tick pings one slice of the sockets. */
const SLICES = 12;
const noop = () => undefined;

/**
 * One heartbeat look at a socket. A client that sent anything since the last look (a pong
 * counts) is alive: no ping. A player sends several batches a second, so at a few thousand players
 * this saves about a thousand pings and as many pongs a second. A silent one is pinged, and
 * dropped after `pingMaxRetries` looks in a row without a byte from it.
 */
export function heartbeat(
  socket: HeartbeatSocket,
  pingMaxRetries: number,
): 'heard' | 'pinged' | 'dropped' {
  const heard = socket._socket?.bytesRead ?? 0;
  if (heard !== socket.heardBytes) {
    socket.heardBytes = heard;
    socket.pingCount = 0;
    return 'heard';
  }
  if (socket.pingCount >= pingMaxRetries) {
    socket.terminate();
    return 'dropped';
  }
  socket.pingCount++;
  socket.ping(noop);
  return 'pinged';
}

/**
 * Colyseus's WebSocket transport with the keep-alive spread out: the stock one pings every socket
 * in the same instant every `pingInterval` (3 s), a burst of thousands of writes that stalls the
 * event loop for tens of milliseconds at a few thousand players. Here a twelfth of the sockets is
 * looked at a time; one that sent nothing since the last look (a pong counts) is pinged, and
 * dropped after `pingMaxRetries` looks in a row with neither a message nor a pong.
 */
export class StaggeredWebSocketTransport extends WebSocketTransport {
  /** Called once per socket that breaks the WebSocket protocol (ws closes it): log one line. */
  onProtocolError: (message: string) => void = () => undefined;
  /** Client messages read without `ws`'s receiver (`readFramesDirectly`), all sockets together. */
  readonly directReads: DirectReads = { direct: 0, unstreamed: 0 };

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
   * Whole binary frames are read without `ws`'s receiver (`readFramesDirectly`).
   */
  override async onConnection(...args: Parameters<WebSocketTransport['onConnection']>) {
    const [rawClient] = args;
    // Before Colyseus listens: every frame from the first on takes the same path.
    readFramesDirectly(rawClient, this.directReads);
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
        if (i++ % SLICES === slice) heartbeat(socket, pingMaxRetries);
      }
      slice = (slice + 1) % SLICES;
    }, pingInterval / SLICES);
  }
}
