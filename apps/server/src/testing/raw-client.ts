import { request } from 'node:http';
import { Protocol } from '@colyseus/core';

/** A matchmaking answer: HTTP status, parsed JSON body and headers. */
export interface MatchmakeAnswer {
  status: number;
  body: { sessionId?: string; roomId?: string; processId?: string; code?: number; error?: string };
  headers: Headers;
}

/** POSTs `/matchmake/<method>/<room>` as the SDK does, with optional extra headers. */
export async function matchmake(
  url: string,
  method: string,
  room: string,
  options: object = {},
  headers: Record<string, string> = {},
): Promise<MatchmakeAnswer> {
  const res = await fetch(`${url}/matchmake/${method}/${room}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(options),
  });
  return {
    status: res.status,
    body: (await res.json()) as MatchmakeAnswer['body'],
    headers: res.headers,
  };
}

/**
 * Opens a raw WebSocket (Node's own client, no SDK) into the room of a seat reservation and
 * confirms the join the way the SDK does; resolves once the server has answered.
 */
export async function rawJoin(url: string, seat: MatchmakeAnswer['body']): Promise<WebSocket> {
  const ws = new WebSocket(
    `${url.replace(/^http/, 'ws')}/${seat.processId}/${seat.roomId}?sessionId=${seat.sessionId}`,
  );
  ws.binaryType = 'arraybuffer';
  await new Promise((resolve, reject) => {
    ws.addEventListener('message', resolve, { once: true });
    ws.addEventListener('error', reject, { once: true });
  });
  ws.send(Uint8Array.of(Protocol.JOIN_ROOM));
  return ws;
}

/** Resolves with the close code and reason of `ws`. */
export function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) =>
    ws.addEventListener('close', (e) => resolve({ code: e.code, reason: e.reason }), {
      once: true,
    }),
  );
}

/**
 * Streams a request body of `total` bytes to `url` (with `Content-Length`, or chunked when
 * `chunked`) in 64 KB pieces, stopping as soon as the response arrives or the socket fails.
 * Resolves with the status (0 when none came) and how many body bytes were written by then.
 */
export function streamBody(
  url: string,
  total: number,
  chunked: boolean,
): Promise<{ status: number; written: number }> {
  return new Promise((resolve) => {
    const piece = Buffer.alloc(64 * 1024, 0x20);
    let written = 0;
    let status = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      req.destroy();
      resolve({ status, written });
    };
    const req = request(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(total) }),
      },
    });
    req.on('response', (res) => {
      status = res.statusCode ?? 0;
      res.resume();
      finish();
    });
    req.on('error', () => setTimeout(finish, 200));
    const pump = () => {
      while (!done && written < total) {
        written += piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      if (!done) req.end();
    };
    pump();
  });
}
