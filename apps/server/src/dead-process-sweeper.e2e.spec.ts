import { spawn } from 'node:child_process';
import { pollUntil, startCluster, TestPlayer } from '@tengen/test-kit';
import { useServer } from '@tengen/test-kit/vitest';
import { describe, expect, it } from 'vitest';
import { PROCESSES_KEY, SWEEP_INTERVAL_MS } from './dead-process-sweeper.ts';

const cluster = useServer(() => startCluster({ servers: 3 }));

/** The process ids in the sweeper's set. */
const processes = async () =>
  (await cluster.redis.cli('smembers', PROCESSES_KEY))
    .split('\n')
    .map((id) => id.trim())
    .filter((id) => id !== '');
/** The Colyseus process id that hosts `roomId`, from its listing. */
const processOf = async (roomId: string) =>
  (JSON.parse(await cluster.redis.cli('hget', 'roomcaches', roomId)) as { processId: string })
    .processId;

describe('finding dead processes without scanning the room listing (three processes, one Redis)', () => {
  it('every process is in the set from its start', async () => {
    await pollUntil('three processes listed', async () => (await processes()).length === 3);
  });

  it('no round reads the whole room listing (Redis MONITOR over two rounds of three processes)', async () => {
    const players = await Promise.all(
      cluster.servers.map((s) => TestPlayer.connect(s.url, 'create', 'solo')),
    );
    const monitor = spawn('redis-cli', ['-p', String(cluster.redis.port), 'monitor']);
    let seen = '';
    monitor.stdout.on('data', (chunk: Buffer) => (seen += chunk.toString()));
    await new Promise((r) => setTimeout(r, 2 * SWEEP_INTERVAL_MS + 1_000));
    monitor.kill();
    await Promise.all(players.map((p) => p.leave()));
    // The rounds ran (each process re-adds itself), and none read every room's listing.
    expect(seen.match(/"sadd" "tengen:processes"/gi)?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(seen).not.toMatch(/"hgetall" "roomcaches"/i);
  });

  it('a process killed after Colyseus dropped it from its own list: its rooms and its entry go within one round and a health check', async () => {
    const player = await TestPlayer.connect(cluster.servers[0]!.url, 'create', 'solo');
    const roomId = player.room.roomId;
    player.room.reconnection.enabled = false;
    const victim = await cluster.hostOf(roomId);
    const victimId = await processOf(roomId);
    expect(await processes()).toContain(victimId);

    cluster.servers[victim]!.proc.kill('SIGKILL');
    await cluster.servers[victim]!.exited;
    // What a room creation timing out on the dead process does (Colyseus's `excludeProcess`): out
    // of the process list, its rooms still listed. Colyseus's own check no longer sees it.
    await cluster.redis.cli('hdel', 'roomcount', victimId);

    const started = Date.now();
    await pollUntil(
      'the dead process swept',
      async () =>
        (await cluster.redis.cli('hexists', 'roomcaches', roomId)).trim() === '0' &&
        !(await processes()).includes(victimId),
      20_000,
    );
    console.log(JSON.stringify({ deadProcessSweptMs: Date.now() - started }));
    expect(await processes()).toHaveLength(2);
  });

  it('a process that stopped cleanly is taken off by the next round of the others', async () => {
    const running = cluster.servers.filter(
      (s) => s.proc.exitCode === null && s.proc.signalCode === null,
    );
    const before = await processes();
    running[0]!.proc.kill('SIGTERM');
    expect((await running[0]!.exited).code).toBe(0);
    await pollUntil(
      'the stopped process off the set',
      async () => (await processes()).length === before.length - 1,
      20_000,
    );
  });
});
