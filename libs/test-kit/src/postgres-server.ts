import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './free-port.ts';

const run = promisify(execFile);

/** A throwaway PostgreSQL cluster on a free loopback port, its data and socket in a temp folder. */
export interface TestPostgres {
  port: number;
  /** `postgres://postgres:postgres@127.0.0.1:PORT/postgres`. */
  url: string;
  /** The URL of database `name` on this cluster. */
  urlFor(name: string): string;
  /** Creates a new database (copied from `template` when given, which must have no connections). */
  createDatabase(template?: string): Promise<{ name: string; url: string }>;
  /** Stops the server and keeps its data (a database outage); `resume` starts it on the same port. */
  halt(mode?: 'fast' | 'immediate'): Promise<void>;
  resume(): Promise<void>;
  /** Stops the server and deletes its folder. */
  stop(): Promise<void>;
}

/** What a test cluster may add to the defaults. */
export interface PostgresOptions {
  /** The server's certificate and private key (PEM): the cluster starts with `ssl=on`. */
  tls?: { cert: string; key: string };
  /**
   * `pg_hba.conf` lines for TCP in place of initdb's (e.g. `hostssl all all 127.0.0.1/32
   * scram-sha-256` to refuse plain connections); local socket connections stay trusted.
   */
  hba?: string[];
}

/** Debian's PostgreSQL binaries (`/usr/lib/postgresql/<newest>/bin`), else the ones on PATH. */
function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions[0] ? join(root, versions[0], 'bin') : '';
}

let counter = 0;

/** The test cluster's superuser password. */
const PASSWORD = 'postgres';

/**
 * Runs `initdb` and `pg_ctl` (Debian's `postgresql` package) in a temp folder: no fsync (a test
 * cluster; commits still reach the OS, so a killed server loses nothing), TCP on 127.0.0.1 only with
 * password authentication (user `postgres`, password `postgres`), the unix socket in the same folder. PostgreSQL
 * refuses to run as root, so as root it runs as the package's `postgres` user (`runuser`).
 */
export async function startPostgres(opts: PostgresOptions = {}): Promise<TestPostgres> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'tengen-pg-'));
  const data = join(dir, 'data');
  const bin = binDir();
  const tool = (name: string) => (bin ? join(bin, name) : name);
  const asRoot = userInfo().uid === 0;
  // PostgreSQL reads its key only if the server's user owns it with no group or other access.
  const owned = async (path: string) => {
    if (!asRoot) return;
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(path, Number(stdout.trim()), Number(gid.trim()));
  };
  await owned(dir);
  const exec = (name: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', tool(name), ...args]) : run(tool(name), args);
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o644 });
  await exec('initdb', [
    '-D',
    data,
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    `--pwfile=${pwfile}`,
    '-U',
    'postgres',
    '--no-sync',
    '--no-locale',
    '-E',
    'UTF8',
  ]);
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c full_page_writes=off',
    '-c shared_buffers=16MB',
    '-c max_connections=200',
  ];
  if (opts.tls) {
    const cert = join(dir, 'server.crt');
    const key = join(dir, 'server.key');
    writeFileSync(cert, opts.tls.cert, { mode: 0o644 });
    writeFileSync(key, opts.tls.key, { mode: 0o600 });
    await owned(cert);
    await owned(key);
    options.push('-c ssl=on', `-c ssl_cert_file=${cert}`, `-c ssl_key_file=${key}`);
  }
  if (opts.hba) {
    const hba = ['local all all trust', ...opts.hba].join('\n');
    writeFileSync(join(data, 'pg_hba.conf'), `${hba}\n`, { mode: 0o644 });
  }
  const start = () =>
    exec('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'log'),
      '-w',
      '-t',
      '60',
      '-o',
      options.join(' '),
      'start',
    ]);
  const pgStop = (mode: 'fast' | 'immediate') =>
    exec('pg_ctl', ['-D', data, '-w', '-t', '60', '-m', mode, 'stop']).then(() => undefined);
  await start();
  const urlFor = (name: string) => `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${name}`;
  let running = true;
  return {
    port,
    url: urlFor('postgres'),
    urlFor,
    async createDatabase(template) {
      const name = `t${process.pid}_${++counter}`;
      const client = new pg.Client({ connectionString: urlFor('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
      } finally {
        await client.end();
      }
      return { name, url: urlFor(name) };
    },
    async halt(mode = 'fast') {
      await pgStop(mode);
      running = false;
    },
    async resume() {
      await start();
      running = true;
    },
    async stop() {
      if (running) await pgStop('immediate').catch(() => undefined);
      running = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
