import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  NameClaimResponse,
  NameCodeResponse,
  PlayerResponse,
  ScoresResponse,
} from '@tengen/protocol';
import { SqliteScoreStore } from '@tengen/scores';
import { spawnServer, testAddress, TestPlayer, type SpawnedServer } from '@tengen/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playSoloGame } from './testing/solo-game.ts';

let server: SpawnedServer;
let dir: string;
const secrets: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tengen-names-'));
  // A score stored before names were held: its name is free until someone submits under it.
  const store = SqliteScoreStore.open(join(dir, 'db.sqlite'));
  await store.saveGame({
    mode: 'solo',
    name: 'Oldtimer',
    score: 1234,
    lines: 1,
    level: 0,
    startLevel: 0,
    frames: 100,
    seed: 1,
    replayJson: '{"version":1,"seed":"0001","startLevel":0,"inputs":[[100,0]]}',
    engineVersion: 1,
    createdAt: new Date(Date.now() - 30 * 86_400_000),
  });
  store.close();
  server = await spawnServer({
    PORT: '0',
    DB_FILE: join(dir, 'db.sqlite'),
    CLIENT_DIR: dir,
    DRAIN_SECONDS: '0',
    LOG_LEVEL: 'debug',
  });
});

afterAll(async () => {
  // Nothing secret may reach the logs: no name key, no move code, whatever happened above.
  const logs = JSON.stringify(server?.logs ?? []);
  for (const s of secrets) expect(logs).not.toContain(s);
  server?.proc.kill('SIGTERM');
  await server?.exited;
  rmSync(dir, { recursive: true, force: true });
}, 20_000);

/** A solo game at level 19 played to its top-out, ready to submit. */
async function finishedGame(): Promise<TestPlayer> {
  return (await playSoloGame(server.url, 19, 0)).player;
}

async function post<T>(path: string, body: unknown, address = testAddress()) {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T & { error?: string } };
}

describe('names that are yours (over real WebSockets and HTTP)', () => {
  it('the first browser holds a name; another is refused, the holder is not; old names go to the first', async () => {
    const [a, b, c, d, e] = await Promise.all(Array.from({ length: 5 }, finishedGame));
    const first = await a!.submit('Keeper');
    expect(first.type).toBe('submitted');
    const key = (first as { key?: string }).key!;
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    secrets.push(key);

    // Another browser, no key, same name in another case: refused, with words for the player.
    const stolen = await b!.submit('KEEPER');
    expect(stolen).toMatchObject({ type: 'error', code: 'nameTaken' });
    expect((stolen as { message: string }).message).toMatch(/belongs to another player/);
    // A made-up key does not help either.
    const forged = await c!.submit('Keeper', 'A'.repeat(43));
    expect(forged).toMatchObject({ type: 'error', code: 'nameTaken' });
    // The holder submits again with its key: stored, no new key.
    const again = await d!.submit('keeper', key);
    expect(again.type).toBe('submitted');
    expect(again).not.toHaveProperty('key');
    // A name with only older games: the first browser after the upgrade takes it.
    const old = await e!.submit('Oldtimer');
    expect(old.type).toBe('submitted');
    secrets.push((old as { key: string }).key);
    const refused = await b!.submit('oldtimer', key);
    expect(refused).toMatchObject({ type: 'error', code: 'nameTaken' });
    for (const p of [a, b, c, d, e]) await p!.room.leave();
  }, 120_000);

  it('two first submits under one new name at once: exactly one holds it', async () => {
    const [a, b] = await Promise.all([finishedGame(), finishedGame()]);
    const answers = await Promise.all([a.submit('Racer'), b.submit('Racer')]);
    const types = answers.map((m) => m.type).sort();
    expect(types).toEqual(['error', 'submitted']);
    expect(answers.find((m) => m.type === 'error')).toMatchObject({ code: 'nameTaken' });
    for (const m of answers) if ('key' in m && m.key) secrets.push(m.key);
    await a.room.leave();
    await b.room.leave();
  }, 120_000);

  it('refuses malformed and oversized keys on the wire without storing anything', async () => {
    const p = await finishedGame();
    for (const key of ['short', 'x'.repeat(44), 'é'.repeat(43), 'y'.repeat(3000)]) {
      const answer = await p.submit('Malformed', key);
      expect(answer).toMatchObject({ type: 'error', code: 'malformed' });
      expect((answer as { message: string }).message).not.toContain(key.slice(0, 10));
    }
    const page = await fetch(`${server.url}/api/players/Malformed`);
    expect(((await page.json()) as PlayerResponse).recent).toEqual([]);
    await p.room.leave();
  }, 60_000);

  it('moves a name with a one-time code: wrong, reused and guessed codes fail', async () => {
    const p = await finishedGame();
    const first = await p.submit('Mover');
    const key = (first as { key: string }).key;
    secrets.push(key);

    // Only the holder gets a code.
    expect((await post('/api/names/code', { name: 'Mover', key: 'B'.repeat(43) })).status).toBe(
      403,
    );
    const issued = await post<NameCodeResponse>('/api/names/code', { name: 'mover', key });
    expect(issued.status).toBe(200);
    expect(issued.body.code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{10}$/);
    expect(Date.parse(issued.body.expiresAt) - Date.now()).toBeGreaterThan(500_000);
    secrets.push(issued.body.code);

    const wrong = await post('/api/names/claim', { name: 'Mover', code: 'AAAAAAAAAA' });
    expect(wrong).toMatchObject({ status: 403, body: { error: expect.stringMatching(/4 more/) } });
    // Typed by a person: lower case, with a dash.
    const typed = `${issued.body.code.slice(0, 5).toLowerCase()}-${issued.body.code.slice(5)}`;
    const moved = await post<NameClaimResponse>('/api/names/claim', { name: 'Mover', code: typed });
    expect(moved.status).toBe(200);
    const newKey = moved.body.key;
    expect(newKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newKey).not.toBe(key);
    secrets.push(newKey);
    // Single use.
    const reused = await post('/api/names/claim', { name: 'Mover', code: issued.body.code });
    expect(reused.status).toBe(404);
    // The old device lost the name, the new one holds it.
    const [oldDevice, newDevice] = await Promise.all([finishedGame(), finishedGame()]);
    expect(await oldDevice.submit('Mover', key)).toMatchObject({ code: 'nameTaken' });
    expect((await newDevice.submit('Mover', newKey)).type).toBe('submitted');

    // Guessing: five wrong codes burn the code, whatever comes next.
    const next = await post<NameCodeResponse>('/api/names/code', { name: 'Mover', key: newKey });
    secrets.push(next.body.code);
    for (let i = 0; i < 5; i++)
      expect((await post('/api/names/claim', { name: 'Mover', code: 'CCCCCCCCCC' })).status).toBe(
        403,
      );
    expect((await post('/api/names/claim', { name: 'Mover', code: next.body.code })).status).toBe(
      404,
    );
    for (const q of [p, oldDevice, newDevice]) await q.room.leave();
  }, 120_000);

  it('limits name moves per address and refuses malformed bodies with 400', async () => {
    const address = testAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push(
        (await post('/api/names/claim', { name: 'Nobody', code: 'CCCCCCCCCC' }, address)).status,
      );
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(statuses[10]).toBe(429);
    for (const body of [
      '{not json',
      { name: 'x', code: 'CCCCCCCCCC', key: 'k'.repeat(500) },
      { name: 'x', code: 'CCCCCCCCCC', extra: 1 },
      { name: 'x' },
      [],
    ]) {
      const res = await post('/api/names/claim', body);
      expect(res.status).toBe(400);
      expect(res.body.error).not.toContain('kkkk');
    }
    const short = await post('/api/names/claim', { name: 'x', code: 'ABC' });
    expect(short).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/10 letters/) },
    });
  });
});

describe('boards and player pages', () => {
  it('filters the board by period and start level and refuses bad filters', async () => {
    const board = (q: string) =>
      fetch(`${server.url}/api/scores?${q}`).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as ScoresResponse & { error?: string },
      }));
    const today = await board('mode=solo&period=today&start=19&limit=100');
    expect(today.status).toBe(200);
    expect(today.body.since).toBe(`${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`);
    expect(today.body.scores.length).toBeGreaterThan(0);
    expect(today.body.scores.every((s) => s.startLevel === 19)).toBe(true);
    const all = await board('period=all&start=0');
    // Only the game stored before the upgrade started at level 0; its name's later games did not.
    expect(all.body.scores.map((s) => [s.name, s.score])).toEqual([['Oldtimer', 1234]]);
    expect((await board('period=week&start=0')).body.scores).toEqual([]);
    for (const q of [
      'period=month',
      'start=20',
      'start=-1',
      'start=018',
      'start=',
      'period=',
      'start=all&start=1',
    ])
      expect((await board(q)).status, q).toBe(400);
    expect((await board('period=yesterday')).body.error).toMatch(/period/);
  });

  it('serves a player page per name, encoded; unknown names are empty, bad ones 400', async () => {
    const res = await fetch(`${server.url}/api/players/${encodeURIComponent('Keeper')}`);
    const page = (await res.json()) as PlayerResponse;
    expect(page.held).toBe(true);
    expect(page.best.map((b) => [b.mode, b.startLevel])).toEqual([['solo', 19]]);
    expect(page.recent).toHaveLength(1); // "Keeper" only; "keeper" is its own spelling
    expect(page.recent[0]?.replayId).toMatch(/^[a-z2-9]{12}$/);
    const spaced = await fetch(`${server.url}/api/players/${encodeURIComponent('No One Here')}`);
    expect(await spaced.json()).toEqual({ name: 'No One Here', held: false, best: [], recent: [] });
    for (const bad of ['%3Cscript%3E', 'x'.repeat(40), '%20'])
      expect((await fetch(`${server.url}/api/players/${bad}`)).status, bad).toBe(400);
  });
});
