import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.ts';
import { startRedis, type TestRedis } from './redis-server.ts';
import { spawnServer, type SpawnedServer } from './spawn-server.ts';

/** How `startCluster` starts its processes. */
export interface ClusterOptions {
  /** Server processes (replicas); 2 unless told. */
  servers?: number;
  /** Extra environment for every replica (e.g. `CLIENT_DIR` to serve the built client). */
  env?: Record<string, string>;
  /** How long one replica may take to listen (a loaded machine starts Node slowly). */
  startTimeoutMs?: number;
}

/**
 * A real redis-server and N server processes sharing it (and one SQLite file), each on its own
 * port with its own `PUBLIC_ADDRESS`: scale-out as production runs it, on loopback.
 */
export interface Cluster {
  /** The Redis the replicas use (a new object after `restartRedis`). */
  readonly redis: TestRedis;
  /** Replica i (a new process after `startReplica(i)`). */
  readonly servers: readonly SpawnedServer[];
  /** Replica i's port (kept across restarts). */
  readonly ports: readonly number[];
  /** The shared folder: SQLite file, and the client folder unless `env.CLIENT_DIR` says otherwise. */
  readonly dir: string;
  /** Starts replica i again on its port (after it exited, e.g. after a SIGKILL). */
  startReplica(i: number): Promise<SpawnedServer>;
  /** Starts Redis again on its port, empty (after `redis.stop()`). */
  restartRedis(): Promise<TestRedis>;
  /** The index of the replica that hosts `roomId`, from the room's listing in Redis. */
  hostOf(roomId: string): Promise<number>;
  /** SIGTERM to every replica still running (SIGKILL after 10 s), then Redis; removes `dir`. */
  stop(): Promise<void>;
}

const running = (s: SpawnedServer) => s.proc.exitCode === null && s.proc.signalCode === null;

/** Starts Redis and `servers` replicas on free ports; every replica is listening on return. */
export async function startCluster(opts: ClusterOptions = {}): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'tengen-cluster-'));
  let redis = await startRedis();
  const ports: number[] = [];
  for (let i = 0; i < (opts.servers ?? 2); i++) ports.push(await freePort());
  const servers: SpawnedServer[] = [];

  const startReplica = async (i: number): Promise<SpawnedServer> => {
    const port = ports[i];
    if (port === undefined) throw new Error(`no replica ${i}`);
    const server = await spawnServer(
      {
        PORT: String(port),
        PUBLIC_ADDRESS: `127.0.0.1:${port}`,
        REDIS_URL: redis.url,
        DB_FILE: join(dir, 'shared.sqlite'),
        CLIENT_DIR: dir,
        DRAIN_SECONDS: '1',
        ...opts.env,
      },
      [],
      opts.startTimeoutMs ?? 60_000,
    );
    servers[i] = server;
    return server;
  };

  const stop = async (): Promise<void> => {
    await Promise.all(
      servers.map(async (s) => {
        if (!running(s)) return;
        s.proc.kill('SIGTERM');
        const timer = setTimeout(() => s.proc.kill('SIGKILL'), 10_000);
        await s.exited;
        clearTimeout(timer);
      }),
    );
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await Promise.all(ports.map((_p, i) => startReplica(i)));
  } catch (err) {
    for (const s of servers) if (s && running(s)) s.proc.kill('SIGKILL');
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }

  return {
    get redis() {
      return redis;
    },
    servers,
    ports,
    dir,
    startReplica,
    async restartRedis() {
      redis = await startRedis(redis.port);
      return redis;
    },
    async hostOf(roomId) {
      const listing = (await redis.cli('hget', 'roomcaches', roomId)).trim();
      if (listing === '') throw new Error(`room ${roomId} is not listed in Redis`);
      const { publicAddress } = JSON.parse(listing) as { publicAddress?: string };
      const i = ports.findIndex((p) => publicAddress === `127.0.0.1:${p}`);
      if (i < 0) throw new Error(`room ${roomId} is hosted at ${publicAddress}, not a replica`);
      return i;
    },
    stop,
  };
}
