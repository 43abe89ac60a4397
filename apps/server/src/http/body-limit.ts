import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Reads a request body of at most `maxBytes` into `req.body` (a string; Colyseus's router uses a
 * pre-read body as is) and then calls `next`. A larger body is refused with 413 before it is read:
 * at once when `Content-Length` says so, else as soon as a chunked body passes the limit; the
 * connection is then closed, so the rest is never buffered. Requests without a body pass through.
 */
export function readLimitedBody(
  req: IncomingMessage,
  res: ServerResponse,
  maxBytes: number,
  next: () => void,
): void {
  const method = req.method ?? 'GET';
  const length = req.headers['content-length'];
  const chunked = req.headers['transfer-encoding'] !== undefined;
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS' || (!length && !chunked)) {
    next();
    return;
  }
  if (length !== undefined && !(Number(length) <= maxBytes)) return tooLarge(req, res, maxBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  let refused = false;
  req.on('data', (chunk: Buffer) => {
    if (refused) return;
    size += chunk.length;
    if (size > maxBytes) {
      refused = true;
      tooLarge(req, res, maxBytes);
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (refused) return;
    (req as IncomingMessage & { body?: string }).body = Buffer.concat(chunks).toString('utf8');
    next();
  });
  req.on('error', () => undefined);
}

function tooLarge(req: IncomingMessage, res: ServerResponse, maxBytes: number): void {
  const body = JSON.stringify({ error: `request body larger than ${maxBytes} bytes` });
  res.writeHead(413, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  // The response goes out first and the connection stays up a moment, so a client still uploading
  // reads it (closing at once would reset the connection under the response); Node discards what
  // arrives meanwhile without buffering it, then the connection is cut.
  res.end(body, () => setTimeout(() => req.socket.destroy(), 250).unref());
}
