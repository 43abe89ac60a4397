import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  freePort,
  spawnServer,
  startNginx,
  startRedis,
  type SpawnedServer,
  type TestNginx,
  type TestRedis,
} from '@tengen/test-kit';
import { clusterDatabase, type ClusterDatabase } from './cluster-database.ts';

/** The StatefulSet's pod names (`<fullname>-<i>`), as the chart names them. */
const POD = (i: number) => `tengen-${i}`;
/** The chart's `scaleOut.pathPrefix`. */
const PODS_PREFIX = '/pods';
/**
 * Between the pod leaving the load balancer and SIGTERM: the chart's preStop sleep
 * (`lifecycle.preStopSleepSeconds`, 10 s), shortened to keep the run short.
 */
export const PRESTOP_MS = 2_000;
/** `ROOM_WARMUP_SECONDS`: readiness polling plus an nginx reload on a loaded machine. */
const WARMUP_SECONDS = 3;
/** The chart's `server.drainSeconds`. */
export const DRAIN_SECONDS = 30;

/** One pod slot: its stable name and the process running in it now (none between two). */
export interface Slot {
  name: string;
  path: string;
  server: SpawnedServer | undefined;
}

/** A moment in a slot's life (`performance.now()`), for placing each bot's wait against it. */
export interface SlotEvent {
  slot: number;
  kind: 'leave' | 'sigterm' | 'exit' | 'kill' | 'ready';
  at: number;
}

/** What a rolling replacement of one slot measured. */
export interface Replacement {
  slot: string;
  /** SIGTERM to exit. */
  drainMs: number;
  /** Exit to the new process ready and routed. */
  startMs: number;
  exitCode: number | null;
  /** `/readyz` answered 503 while it drained. */
  notReady: boolean;
}

const running = (s: SpawnedServer | undefined): s is SpawnedServer =>
  s !== undefined && s.proc.exitCode === null && s.proc.signalCode === null;

async function readyz(server: SpawnedServer): Promise<number> {
  return fetch(`${server.url}/readyz`).then(
    (r) => r.status,
    () => 0,
  );
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Production's scale-out on one machine: a real Redis, the shared database, N game processes
 * (`ROLE=game`, each with its own `PUBLIC_ADDRESS` path and outbox, as the chart's StatefulSet
 * pods) and Debian's nginx in front, routing as the chart's Ingress does on the ALB. A slot is
 * routed only while its process is ready, as the ALB routes only healthy targets.
 */
export class Fleet {
  readonly slots: Slot[];
  readonly dir: string;
  readonly redis: TestRedis;
  readonly db: ClusterDatabase;
  readonly nginx: TestNginx;
  /** Each slot's leave, SIGTERM, exit, kill and ready, in order. */
  readonly events: SlotEvent[] = [];

  private constructor(
    dir: string,
    redis: TestRedis,
    db: ClusterDatabase,
    nginx: TestNginx,
    size: number,
  ) {
    this.dir = dir;
    this.redis = redis;
    this.db = db;
    this.nginx = nginx;
    this.slots = Array.from({ length: size }, (_x, i) => ({
      name: POD(i),
      path: `${PODS_PREFIX}/${POD(i)}`,
      server: undefined,
    }));
  }

  /** Starts Redis, the database, nginx and `size` processes, all ready and routed on return. */
  static async start(size: number): Promise<Fleet> {
    const dir = mkdtempSync(join(tmpdir(), 'tengen-fleet-'));
    const redis = await startRedis();
    const db = await clusterDatabase();
    const nginx = await startNginx({ pods: {}, ready: [] });
    const fleet = new Fleet(dir, redis, db, nginx, size);
    try {
      await Promise.all(fleet.slots.map((_s, i) => fleet.#spawn(i)));
      await fleet.#route();
    } catch (err) {
      await fleet.stop();
      throw err;
    }
    return fleet;
  }

  /** The address players use: nginx. */
  get url(): string {
    return this.nginx.url;
  }

  /** The slot whose path a room WebSocket URL goes through (`ws://host/pods/tengen-1/...`). */
  slotOfUrl(wsUrl: string): number {
    return this.slots.findIndex((s) => new URL(wsUrl).pathname.startsWith(`${s.path}/`));
  }

  /**
   * A rolling update's step for slot i, as a StatefulSet does it: the pod is taken out of the
   * load balancer (its endpoints go at once; the ALB deregisters), the preStop sleep, SIGTERM, its `/readyz` fails
   * while it drains, it exits, and a new process takes the same name and joins once ready.
   */
  async replace(i: number): Promise<Replacement> {
    const old = this.slots[i]?.server;
    if (!running(old)) throw new Error(`slot ${i} is not running`);
    this.slots[i]!.server = undefined;
    this.#event(i, 'leave');
    // The pod is deleted: the kubelet runs the preStop hook (GET /leave on the metrics port: no
    // new rooms here) while its endpoints leave the load balancer; SIGTERM after the preStop.
    const left = await fetch(old.metricsUrl.replace(/\/metrics$/, '/leave'));
    if (left.status !== 202) throw new Error(`${POD(i)} /leave answered ${left.status}`);
    await this.#route();
    await new Promise((r) => setTimeout(r, PRESTOP_MS));
    const sentAt = Date.now();
    old.proc.kill('SIGTERM');
    this.#event(i, 'sigterm');
    // Readiness fails while it drains (what takes a pod out of the ALB's target group).
    let notReady = false;
    await waitFor(
      `${POD(i)} /readyz 503 while draining`,
      async () => (notReady = (await readyz(old)) === 503) || !running(old),
      10_000,
    );
    const { code } = await old.exited;
    this.#event(i, 'exit');
    const drainMs = Date.now() - sentAt;
    const startedAt = Date.now();
    await this.#spawn(i);
    await this.#route();
    return { slot: POD(i), drainMs, startMs: Date.now() - startedAt, exitCode: code, notReady };
  }

  /** Room ids Redis lists on slot i's address (the matchmaker's and the Live page's view). */
  async listedRooms(i: number): Promise<string[]> {
    const address = `${this.nginx.host}${this.slots[i]!.path}`;
    // Without a terminal, redis-cli prints each value (one JSON listing) on its own line.
    const out = await this.redis.cli('hvals', 'roomcaches');
    return out
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { roomId: string; publicAddress?: string })
      .filter((room) => room.publicAddress === address)
      .map((room) => room.roomId);
  }

  /** SIGKILL to slot i's process; resolves once it is dead (still routed: see `deregister`). */
  async kill(i: number): Promise<void> {
    const s = this.slots[i]?.server;
    if (!running(s)) throw new Error(`slot ${i} is not running`);
    s.proc.kill('SIGKILL');
    await s.exited;
    this.#event(i, 'kill');
  }

  /** The load balancer's health check has failed: slot i gets no traffic (503 on its path). */
  async deregister(i: number): Promise<void> {
    this.slots[i]!.server = undefined;
    await this.#route();
  }

  /** A new process in slot i (after a kill), routed once ready. */
  async restart(i: number): Promise<void> {
    await this.#spawn(i);
    await this.#route();
  }

  /** SIGTERM to every process; resolves once all have exited (SIGKILL after the drain time). */
  async stopServers(): Promise<void> {
    await Promise.all(
      this.slots.map(async (s) => {
        if (!running(s.server)) return;
        const proc = s.server.proc;
        proc.kill('SIGTERM');
        const timer = setTimeout(() => proc.kill('SIGKILL'), (DRAIN_SECONDS + 5) * 1000);
        await s.server.exited;
        clearTimeout(timer);
      }),
    );
  }

  /** Stops every process, then nginx, Redis and the database, and removes the folder. */
  async stop(): Promise<void> {
    await this.stopServers();
    await this.nginx.stop();
    await this.redis.stop();
    await this.db.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  async #spawn(i: number): Promise<void> {
    const port = await freePort();
    // A new pod gets a new emptyDir: the outbox does not outlive the process it belongs to.
    const outbox = mkdtempSync(join(this.dir, `outbox-${POD(i)}-`));
    mkdirSync(outbox, { recursive: true });
    const server = await spawnServer(
      {
        ROLE: 'game',
        PORT: String(port),
        PUBLIC_ADDRESS: `${this.nginx.host}${PODS_PREFIX}/${POD(i)}`,
        REDIS_URL: this.redis.url,
        ...this.db.env,
        OUTBOX_DIR: outbox,
        CLIENT_DIR: this.dir,
        DRAIN_SECONDS: String(DRAIN_SECONDS),
        // nginx routes a new process's path within about a second of its readiness (the ALB's
        // 20 s is the default): no room is created there before.
        ROOM_WARMUP_SECONDS: String(WARMUP_SECONDS),
        // The bots' own X-Forwarded-For stands for a proxy in front of the ALB (nginx here): each
        // bot counts as its own network for the per-address limits.
        TRUSTED_PROXY_HOPS: '2',
      },
      [],
      90_000,
    );
    await waitFor(`${POD(i)} ready`, async () => (await readyz(server)) === 200, 30_000);
    this.slots[i]!.server = server;
    this.#event(i, 'ready');
  }

  #event(slot: number, kind: SlotEvent['kind']): void {
    this.events.push({ slot, kind, at: performance.now() });
  }

  /** nginx routes every slot's path to its process, and `/` to every ready one. */
  #route(): Promise<void> {
    const pods: Record<string, number | undefined> = {};
    for (const s of this.slots) pods[s.path] = running(s.server) ? s.server.port : undefined;
    const ready = this.slots.filter((s) => running(s.server)).map((s) => s.server!.port);
    return this.nginx.route({ pods, ready });
  }
}
