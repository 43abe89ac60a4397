import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@tengen/scores';
import { TestPlayer } from '@tengen/test-kit';
import type { ServerMessage } from '@tengen/protocol';

/** Why the storage fault tests cannot run here (they need root: tmpfs mounts and `chattr +i`). */
export function storageFaultsUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'not root: tmpfs mounts and chattr +i need root';
  const probe = mkdtempSync(join(tmpdir(), 'tengen-fault-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'pipe' });
    try {
      writeFileSync(join(probe, 'f'), 'x');
      execFileSync('chattr', ['+i', join(probe, 'f')], { stdio: 'pipe' });
      execFileSync('chattr', ['-i', join(probe, 'f')], { stdio: 'pipe' });
    } finally {
      execFileSync('umount', [probe], { stdio: 'pipe' });
    }
    return undefined;
  } catch (err) {
    return `cannot mount tmpfs or chattr here: ${(err as Error).message.split('\n')[0]}`;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

/**
 * Real storage faults for tests, each undone by `cleanup` (in afterAll): tmpfs mounts of a given
 * size (a full disk), and `chattr +i` (immutable: even root cannot write, unlike chmod).
 */
export class StorageFaults {
  readonly #mounts: string[] = [];
  readonly #immutable = new Set<string>();

  /** A fresh folder on its own tmpfs of `sizeKb`. */
  tmpfs(sizeKb: number): string {
    const dir = mkdtempSync(join(tmpdir(), 'tengen-fault-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0755`, 'tmpfs', dir]);
    this.#mounts.push(dir);
    return dir;
  }

  /** Makes a file or folder immutable (no writes, no new files inside, even for root). */
  freeze(path: string): void {
    execFileSync('chattr', ['+i', path]);
    this.#immutable.add(path);
  }

  thaw(path: string): void {
    execFileSync('chattr', ['-i', path]);
    this.#immutable.delete(path);
  }

  /** Fills the file system holding `dir` until writes fail with ENOSPC; returns the filler's path. */
  fill(dir: string): string {
    const filler = join(dir, 'filler');
    try {
      writeFileSync(filler, Buffer.alloc(64 * 1024 * 1024));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
    }
    return filler;
  }

  /** Thaws everything, unmounts (lazily if busy) and removes the folders. */
  cleanup(): void {
    for (const p of [...this.#immutable]) {
      try {
        this.thaw(p);
      } catch {
        // Already gone.
      }
    }
    for (const dir of this.#mounts.splice(0)) {
      try {
        execFileSync('umount', [dir], { stdio: 'pipe' });
      } catch {
        execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      }
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** Creates a folder (and parents). */
export function folder(...parts: string[]): string {
  const dir = join(...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A solo game at level 19 played to the top-out by a `TestPlayer`, ready to submit. */
export async function finishedSolo(url: string): Promise<{ player: TestPlayer; score: number }> {
  const player = await TestPlayer.connect(url, 'create', 'solo');
  await player.startGame(19);
  const game = await player.play({ botFrames: 120 });
  await player.until('server sees the top-out', () => player.me?.phase === 'over');
  return { player, score: game.score };
}

type SubmitAnswer = Extract<ServerMessage, { type: 'submitted' | 'submitQueued' | 'error' }>;

/** Submits under `name` and resolves with the answer: `submitted`, `submitQueued` or an `error`. */
export async function submit(player: TestPlayer, name: string): Promise<SubmitAnswer> {
  const after = player.messages.length;
  player.send('submit', { name });
  return player.until('the answer to submit', () =>
    player.messages
      .slice(after)
      .find(
        (m): m is SubmitAnswer =>
          m.type === 'submitted' || m.type === 'submitQueued' || m.type === 'error',
      ),
  );
}

/** Every stored game (id, name, score), read straight from the SQLite file. */
export function storedGames(dbFile: string): { id: string; name: string; score: number }[] {
  const db = openDatabase(dbFile);
  try {
    return db
      .prepare<[], { id: string; name: string; score: number }>(
        'SELECT id, name, score FROM games ORDER BY rowid',
      )
      .all();
  } finally {
    db.close();
  }
}

/** One unlabelled gauge or counter from a server's Prometheus page (`metricsUrl`). */
export async function metric(metricsUrl: string, name: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`metric ${name} not found`);
  return Number(line.slice(name.length + 1));
}
