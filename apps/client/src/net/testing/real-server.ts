// Test support: the real game server as a child process (`node apps/server/src/main.ts`, as in
// production) and a real SDK connection to it. Apps are imported by nobody, so the client's tests
// start the server's entry point rather than importing it.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client, type Room } from '@colyseus/sdk';
import { ROOM, type RoomStateShape } from '@tengen/protocol';
import { linkRoom, type RoomLink } from '../room-link.ts';

const REPO = resolve(import.meta.dirname, '../../../../..');
const MAIN = join(REPO, 'apps/server/src/main.ts');

/** A server process on a loopback port with its own SQLite file. */
export interface RealServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Resolves with the exit code once the process has exited. */
  readonly exited: Promise<number | null>;
  /** Sends SIGTERM (a real drain) without waiting. */
  terminate(): void;
  /** SIGTERM, waits for the exit, removes the temp dir. */
  stop(): Promise<void>;
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

/** Starts the server with a fresh database and waits until `GET /readyz` answers 200. */
export async function startServer(
  env: Record<string, string> = {},
  timeoutMs = 30_000,
): Promise<RealServer> {
  const dir = mkdtempSync(join(tmpdir(), 'tengen-client-net-'));
  mkdirSync(join(dir, 'client'));
  const port = await freePort();
  const proc = spawn(process.execPath, ['--conditions=@tengen/source', MAIN], {
    cwd: REPO,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      DB_FILE: join(dir, 'db.sqlite'),
      CLIENT_DIR: join(dir, 'client'),
      LOG_LEVEL: 'warn',
      DRAIN_SECONDS: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((done) =>
    proc.once('exit', (code) => done((exitCode = code))),
  );
  const url = `http://127.0.0.1:${port}`;
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  const stop = async () => {
    if (exitCode === undefined) proc.kill('SIGTERM');
    const killer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
    cleanup();
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitCode !== undefined) {
      cleanup();
      throw new Error(`the server exited with ${exitCode} before it was ready: ${stderr}`);
    }
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server was not ready in ${timeoutMs} ms: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, exited, terminate: () => void proc.kill('SIGTERM'), stop };
}

/** A joined room: the SDK room (to reach below the client, e.g. drop its socket) and the client's link over it. */
export interface Joined {
  room: Room<unknown, RoomStateShape>;
  link: RoomLink;
}

/**
 * Joins a room through the SDK as `ColyseusNet` does and wraps it with the production `linkRoom`.
 * `watchSelf` makes the server sync this player's own game projection, so a test can see which
 * frame the server has reached.
 */
export async function joinRoom(url: string, how: 'solo' | 'duo' = 'solo'): Promise<Joined> {
  const client = new Client(url);
  const room =
    how === 'solo'
      ? await client.create<RoomStateShape>(ROOM.solo, { watchSelf: true })
      : await client.joinOrCreate<RoomStateShape>(ROOM.duo, { watchSelf: true });
  return { room, link: linkRoom(room) };
}

/** Resolves with the value of `check` once it holds, polling it (state patches, messages, notices); fails after `timeoutMs`. */
export async function until<T>(
  what: string,
  check: () => T | undefined | null | false,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v !== undefined && v !== null && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
