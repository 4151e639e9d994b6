// A private PostgreSQL cluster for the archive's tests and benchmark: Debian's binaries (installed with apt-get when
// missing and we are root), a data folder in a fresh temporary folder, a server listening on 127.0.0.1 only, on a
// free port, run as a non-root user (PostgreSQL refuses root: as root, the server runs as `nobody`). Stopped and
// removed by `stop()`. As a command: `node out/test/postgres/cluster.js run -- <command...>` runs the command with
// SOURCE_CHECK_PG_URL set, then stops the cluster.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export interface Cluster {
  /** postgres://postgres@127.0.0.1:<port>/postgres (trust authentication, loopback only). */
  readonly url: string;
  readonly port: number;
  readonly folder: string;
  /** pg_ctl restart, waiting until the server accepts connections again. */
  restart(): void;
  /** Stops the server (fast shutdown, waited for) and removes its folder. */
  stop(): void;
  /** CPU seconds the server's processes have used so far (Linux: the postmaster, its live and its ended children). */
  cpuSeconds(): number;
}

const SERVER_USER = 'nobody';

/** The folder of initdb, pg_ctl and postgres: the newest under /usr/lib/postgresql, else pg_config's. */
export function postgresBinaries(install = true): string {
  const found = newestBinaries();
  if (found) return found;
  if (!install) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
  if (process.getuid?.() !== 0) throw new Error('PostgreSQL is not installed: run `sudo apt-get install postgresql` (the tests need a real server)');
  process.stderr.write('postgres: installing Debian\'s postgresql package for the archive tests\n');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'postgresql'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const installed = newestBinaries();
  if (!installed) throw new Error('apt-get installed postgresql, but no initdb was found under /usr/lib/postgresql');
  return installed;
}

function newestBinaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter(v => fs.existsSync(path.join(root, v, 'bin/initdb'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (versions.length) return path.join(root, versions[0], 'bin');
  const config = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const bin = config.status === 0 ? config.stdout.trim() : '';
  return bin && fs.existsSync(path.join(bin, 'initdb')) ? bin : undefined;
}

/** A TCP port free on 127.0.0.1 now (the kernel's choice). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a private cluster; `stop()` it when done (also on failure of what follows). `settings` are server settings
 * beyond the defaults (the benchmark's memory and checkpoint spacing).
 */
export async function startCluster(settings: Readonly<Record<string, string>> = {}): Promise<Cluster> {
  const bin = postgresBinaries();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'source-check-pg-'));
  const data = path.join(folder, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) fs.chownSync(folder, uidOf(SERVER_USER), gidOf(SERVER_USER));
  const run = (tool: string, args: string[]): void => {
    const [cmd, argv] = asRoot ? ['runuser', ['-u', SERVER_USER, '--', path.join(bin, tool), ...args]] : [path.join(bin, tool), args];
    const r = spawnSync(cmd, argv, { encoding: 'utf8', cwd: folder });
    if (r.status !== 0) throw new Error(`${tool} failed (${r.status ?? r.signal}): ${r.stderr || r.stdout}`);
  };
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const port = await freePort();
    const extra = Object.entries(settings).map(([k, v]) => ` -c ${k}=${v}`).join('');
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off${extra}`;
    const start = (): void => run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(folder, 'server.log'), '-w', '-t', '60', 'start']);
    start();
    let stopped = false;
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, folder,
      cpuSeconds: () => serverCpuSeconds(data),
      restart: () => run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(folder, 'server.log'), '-w', '-t', '60', '-m', 'fast', 'restart']),
      stop: () => {
        if (stopped) return;
        stopped = true;
        try { run('pg_ctl', ['-D', data, '-w', '-t', '60', '-m', 'fast', 'stop']); } finally { fs.rmSync(folder, { recursive: true, force: true }); }
      },
    };
  } catch (e) {
    fs.rmSync(folder, { recursive: true, force: true });
    throw e;
  }
}

function serverCpuSeconds(data: string): number {
  const postmaster = Number(fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const ticks = (pid: number, withChildren: boolean): number => {
    try {
      const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return Number(f[11]) + Number(f[12]) + (withChildren ? Number(f[13]) + Number(f[14]) : 0);
    } catch {
      return 0; // ended meanwhile: counted in the postmaster's children's time
    }
  };
  const children = spawnSync('pgrep', ['-P', String(postmaster)], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean).map(Number);
  return (ticks(postmaster, true) + children.reduce((sum, pid) => sum + ticks(pid, false), 0)) / 100;
}

function uidOf(user: string): number {
  return Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
}

function gidOf(user: string): number {
  return Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
}

if (require.main === module) {
  const [command, dash, ...rest] = process.argv.slice(2);
  if (command !== 'run' || dash !== '--' || !rest.length) {
    process.stderr.write('usage: node out/test/postgres/cluster.js run -- <command...>\n');
    process.exit(2);
  }
  void startCluster().then(cluster => {
    process.stderr.write(`postgres: private cluster at ${cluster.url} (${cluster.folder})\n`);
    let status = 1;
    try {
      status = spawnSync(rest[0], rest.slice(1), { stdio: 'inherit', env: { ...process.env, SOURCE_CHECK_PG_URL: cluster.url } }).status ?? 1;
    } finally {
      cluster.stop();
    }
    process.exit(status);
  });
}
