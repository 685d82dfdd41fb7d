import { findProjectRoot } from '@liangxin/db';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { toolSession } from './session-token.js';

export type ServerName = 'ours' | 'postgraphile' | 'floor';
export const SERVER_NAMES: readonly ServerName[] = ['ours', 'postgraphile', 'floor'];
export const SERVER_LABELS: Record<ServerName, string> = { ours: 'Liangxin', postgraphile: 'PostGraphile 4', floor: 'floor (SQL)' };

export interface RunningServer {
  name: ServerName;
  pid: number;
  /** Where requests go: /graphql for the GraphQL servers, the floor's root (POST /<scenario id>). */
  url: string;
  /**
   * Headers every request to it must carry: ours, `authorization: Bearer <CITY_ADMIN token>`
   * (session-token.ts); PostGraphile and the floor, none.
   */
  headers: Record<string, string>;
  stop(): Promise<number | null>;
}

const here = new URL('.', import.meta.url).pathname;

/**
 * Starts one server as its own process, as production would: ours is the built
 * apps/server/dist/main.js with NODE_ENV=production (as coverage-bench.ts and `npm start`), the
 * others are this package's built entry points. Resolves once it answers a GraphQL request
 * (ours and PostGraphile) or its health route (the floor).
 */
export async function startServer(name: ServerName, databaseUrl: string): Promise<RunningServer> {
  const port = await freePort();
  const root = findProjectRoot();
  const entry = {
    ours: join(root, 'apps/server/dist/main.js'),
    postgraphile: join(here, 'postgraphile-server.js'),
    floor: join(here, 'floor-server.js'),
  }[name];
  // Ours requires a bearer token: a random session key for this process, rate limits off, and a
  // CITY_ADMIN token signed with that key (unrestricted, so the measured work is unchanged).
  const session = name === 'ours' ? await toolSession() : null;
  const headers: Record<string, string> = session ? { ...session.headers } : {};
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, PORT: String(port), LIANGXIN_DEMO_DATA: 'off', LOG_LEVEL: 'warn', ...session?.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // Its stderr is shown only when it fails to start or exits with an error.
  let tail = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  });
  child.once('exit', (code) => {
    if (code) process.stderr.write(`${name} exited with ${code}:\n${tail}\n`);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  const url = name === 'floor' ? base : `${base}/graphql`;
  await waitUntil(async () => {
    // (a failure here prints the server's stderr through the exit handler above)
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} while starting`);
    const signal = AbortSignal.timeout(2000);
    if (name === 'floor') return (await fetch(`${base}/health`, { signal })).ok;
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{"query":"{ __typename }"}', signal });
    return response.ok;
  }, `${name} did not come up on port ${port}`);
  return {
    name,
    pid: child.pid!,
    url,
    headers,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

export async function waitUntil(check: () => Promise<boolean>, message: string, tries = 240): Promise<void> {
  for (let i = 0; i < tries; i++) {
    try {
      if (await check()) return;
    } catch (error) {
      if (error instanceof Error && error.message.includes('exited')) throw error;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(message);
}

/** The process and its children (our server forks node:cluster workers: LIANGXIN_WORKERS). */
export function processTree(pid: number): number[] {
  const pids = [pid];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so split after ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/**
 * Peak resident set (VmHWM) in MiB of a process and its children, summed: for a server of
 * several processes, the most it can have held together (each peaked at some moment of the run).
 */
export function peakRssMiB(pid: number): number {
  let kb = 0;
  for (const p of processTree(pid)) {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      if (match) kb += Number(match[1]);
    } catch {
      // gone meanwhile
    }
  }
  return kb / 1024;
}

/** Resets VmHWM to the current RSS (Linux: "5" to clear_refs), so the next peak is the next run's. */
export function resetPeakRss(pid: number): void {
  for (const p of processTree(pid)) {
    try {
      writeFileSync(`/proc/${p}/clear_refs`, '5');
    } catch {
      // not permitted here: the peak is then the process's peak since it started
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
