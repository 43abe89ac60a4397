import { connect, createServer, type Socket } from 'node:net';

/** Options of a `latencyProxy`. */
export interface LatencyProxyOptions {
  /** Loopback port to forward to. */
  targetPort: number;
  /** Delay of each chunk, each way, in ms (125 gives a 250 ms round trip). */
  delayMs: number;
  /** Up to this many ms more or less per chunk (uniform), never reordering a direction's bytes. */
  jitterMs?: number;
}

/** A running proxy. */
export interface LatencyProxy {
  port: number;
  /** `http://127.0.0.1:<port>`: give this to the SDK instead of the server's address. */
  url: string;
  /** Chunks forwarded so far, both ways. */
  readonly chunks: number;
  close(): Promise<void>;
}

/**
 * A TCP proxy on loopback that holds every chunk for `delayMs` (plus jitter) before passing it on,
 * in both directions: a slow network between a real client and the real server (HTTP matchmaking
 * and the room's WebSocket alike). Order within a direction is kept, as TCP would.
 */
export function latencyProxy(opts: LatencyProxyOptions): Promise<LatencyProxy> {
  const jitter = opts.jitterMs ?? 0;
  const sockets = new Set<Socket>();
  let chunks = 0;
  const delay = () => opts.delayMs + (Math.random() * 2 - 1) * jitter;

  /**
   * Forwards `from` to `to` through one FIFO per direction drained by a single timer: chunks leave
   * in arrival order (separate timers could swap two chunks and corrupt the stream).
   */
  const pipe = (from: Socket, to: Socket): void => {
    const queue: { due: number; chunk: Buffer | null }[] = [];
    let timer: NodeJS.Timeout | null = null;
    const drain = (): void => {
      timer = null;
      const now = performance.now();
      while (queue.length > 0 && queue[0]!.due <= now + 0.5) {
        const { chunk } = queue.shift()!;
        if (chunk === null) to.end();
        else if (to.writable) to.write(chunk);
      }
      if (queue.length > 0) timer = setTimeout(drain, queue[0]!.due - now);
    };
    const enqueue = (chunk: Buffer | null): void => {
      const last = queue.length > 0 ? queue[queue.length - 1]!.due : 0;
      queue.push({ due: Math.max(performance.now() + delay(), last), chunk });
      if (timer === null) timer = setTimeout(drain, queue[0]!.due - performance.now());
    };
    from.on('data', (chunk: Buffer) => {
      chunks++;
      enqueue(chunk);
    });
    // The end travels like a chunk, after the last one.
    from.on('end', () => enqueue(null));
  };

  // Half-open: one side's end must not cut the other direction's delayed bytes short.
  const server = createServer({ allowHalfOpen: true }, (client) => {
    const upstream = connect({ port: opts.targetPort, host: '127.0.0.1', allowHalfOpen: true });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.setNoDelay(true);
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
      s.on('close', () => sockets.delete(s));
    }
    pipe(client, upstream);
    pipe(upstream, client);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({
        port,
        url: `http://127.0.0.1:${port}`,
        get chunks() {
          return chunks;
        },
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
