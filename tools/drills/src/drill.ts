/**
 * Load and fault drills (issue 8) against the machine's PostgreSQL when DATABASE_URL is set (a
 * database of the drills' own on it; the restart drill restarts that server), else against an
 * embedded PostgreSQL under .data/drills (postgres-target.ts), holding the Jinan set, with the
 * production build of the server (apps/server/dist/main.js, NODE_ENV=production) as its own process:
 *
 *   load      50 clients, mixed reads and writes (visits, transfers, imports), 5 min (30 s quick):
 *             zero errors; afterwards every acknowledged write is in the database, none twice,
 *             none half-applied (reconciled against the clients' own record).
 *   restart   PostgreSQL stopped in the middle of the load and started again: the server keeps
 *             running, answers errors while the database is down, /health/ready says so, and
 *             answers again within 5 s of the database coming back; acknowledged writes present.
 *   stop      SIGTERM during the load: in-flight requests finish, new ones are refused, exit 0.
 *
 * Results replace docs/reliability.md (not with --no-docs). Exit status 1 when a drill fails.
 *
 *   npm run drill -- [--quick] [--only load,restart,stop] [--scale 1] [--no-docs] [--reuse] [--embedded]
 */
import { hasDataset, loadDataset } from '@liangxin/datagen';
import { defaultDataDir, findProjectRoot, runMigrations } from '@liangxin/db';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { embeddedPostgres, machinePostgres, type DrillPostgres } from './postgres-target.js';
import { drillSession } from './session-token.js';
import { makeClient, readFixtures, reconcile, type Client, type Fixtures, type Reconciliation, type RequestRecord, type SharedCounters } from './workload.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    scale: { type: 'string' },
    clients: { type: 'string', default: '50' },
    'no-docs': { type: 'boolean', default: false },
    // Keep the drills' database (or .data/drills) between runs and load the data set only into an empty one.
    reuse: { type: 'boolean', default: false },
    // An embedded PostgreSQL even when DATABASE_URL is set: the machine's server is then never restarted.
    embedded: { type: 'boolean', default: false },
  },
});
const quick = values.quick!;
const scale = Number(values.scale ?? (quick ? '0.05' : '1'));
const clients = Number(values.clients);
const loadSeconds = quick ? 30 : 300;
const only = new Set((values.only ?? 'load,restart,stop').split(','));
const root = findProjectRoot();
const log = (m: string) => process.stderr.write(`${m}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface DrillResult {
  name: string;
  passed: boolean;
  /** Not run, and why (in lines): reported as such, never as passed. */
  skipped?: boolean;
  lines: string[];
}

interface Server {
  child: ChildProcess;
  url: string;
  /** `authorization: Bearer <CITY_ADMIN token>` signed with this process's session key: on every request to it. */
  headers: Record<string, string>;
  exit: Promise<number | null>;
  tail(): string;
}

async function startServerProcess(databaseUrl: string): Promise<Server> {
  const port = await freePort();
  // The server requires sign-in: a random session key, rate limits off, a CITY_ADMIN token (session-token.ts).
  const session = await drillSession();
  const headers: Record<string, string> = { ...session.headers };
  const child = spawn(process.execPath, [join(root, 'apps/server/dist/main.js')], {
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, PORT: String(port), LIANGXIN_DEMO_DATA: 'off', LOG_LEVEL: 'warn', ...session.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-6000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${tail}`);
    try {
      if ((await fetch(`${url}/health/ready`, { headers, signal: AbortSignal.timeout(2000) })).ok) break;
    } catch {
      // not yet
    }
    if (i > 240) throw new Error('server did not become ready');
    await sleep(250);
  }
  return { child, url, headers, exit, tail: () => tail };
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 20_000);
  await server.exit;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const a = probe.address();
      probe.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

function summarise(requests: RequestRecord[]): string {
  const byOutcome = new Map<string, number>();
  for (const r of requests) byOutcome.set(`${r.kind} ${r.outcome}`, (byOutcome.get(`${r.kind} ${r.outcome}`) ?? 0) + 1);
  return [...byOutcome].sort().map(([k, n]) => `${k}: ${n}`).join('; ');
}

function reconciliationLines(r: Reconciliation): string[] {
  return [
    `Writes acknowledged: ${r.acknowledged.visit} visits, ${r.acknowledged.transfer} transfers, ${r.acknowledged.import} imports (3 organizations each); not acknowledged: ${r.unacknowledged.visit} visits, ${r.unacknowledged.transfer} transfers, ${r.unacknowledged.import} imports, of which ${r.unacknowledgedApplied} found applied in full (the reply was lost, not the write).`,
    r.problems.length ? `Reconciliation problems (${r.problems.length}): ${r.problems.slice(0, 10).join('; ')}` : 'Reconciliation: every acknowledged write is in the database once; no write is half-applied or stored twice.',
  ];
}

function clientsFor(count: number, server: Server, fixtures: Fixtures, shared: SharedCounters): Client[] {
  return Array.from({ length: count }, (_, id) => makeClient({ id, baseUrl: () => server.url, headers: server.headers, fixtures, shared, writeShare: 0.3 }));
}

async function loadDrill(target: DrillPostgres, db: pg.Client): Promise<DrillResult> {
  const server = await startServerProcess(target.url);
  const shared: SharedCounters = { transfer: 0, importRun: 0, runTag: Date.now().toString(36) };
  try {
    const fixtures = await readFixtures(db);
    const all = clientsFor(clients, server, fixtures, shared);
    const end = Date.now() + loadSeconds * 1000;
    const started = Date.now();
    await Promise.all(all.map((c) => c.run(() => Date.now() >= end)));
    const elapsed = (Date.now() - started) / 1000;
    const requests = all.flatMap((c) => c.requests);
    const errors = requests.filter((r) => !r.ok);
    const rec = await reconcile(db, all.flatMap((c) => c.writes), shared.runTag);
    const passed = errors.length === 0 && rec.problems.length === 0 && server.child.exitCode === null;
    return {
      name: 'Load',
      passed,
      lines: [
        `${clients} clients for ${loadSeconds} s (${elapsed.toFixed(0)} s with the last requests): ${requests.length} requests (${(requests.length / elapsed).toFixed(1)}/s), ${errors.length} errors. Outcomes: ${summarise(requests)}.`,
        `Transfer candidates in the data set: ${fixtures.transfers.length} (each used once).`,
        ...reconciliationLines(rec),
        ...(errors.length ? [`First errors: ${errors.slice(0, 5).map((e) => `${e.kind} ${e.outcome}`).join('; ')}`] : []),
      ],
    };
  } finally {
    await stopServer(server);
  }
}

async function restartDrill(target: DrillPostgres, db: () => Promise<pg.Client>): Promise<DrillResult> {
  if ('unavailable' in target.restart) {
    return { name: 'Database restart', passed: true, skipped: true, lines: [`Not run: the drill cannot restart this server (${target.restart.unavailable}). Run it with --embedded, or on the machine that holds the server.`] };
  }
  const restart = target.restart;
  const server = await startServerProcess(target.url);
  const shared: SharedCounters = { transfer: 0, importRun: 0, runTag: Date.now().toString(36) };
  const downSeconds = quick ? 3 : 10;
  const before = quick ? 5 : 20;
  const after = quick ? 10 : 30;
  const probes: { at: number; status: number | string; reason?: string }[] = [];
  let stopProbing = false;
  const probing = (async () => {
    while (!stopProbing) {
      const at = Date.now();
      try {
        const r = await fetch(`${server.url}/health/ready`, { headers: server.headers, signal: AbortSignal.timeout(3000) });
        const body = (await r.json().catch(() => ({}))) as { reason?: string };
        probes.push({ at, status: r.status, reason: body.reason });
      } catch (error) {
        probes.push({ at, status: ((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name) });
      }
      await sleep(200);
    }
  })();
  try {
    const fixtures = await readFixtures(await db());
    const all = clientsFor(Math.min(clients, 20), server, fixtures, shared);
    let stopAt = Infinity;
    const running = Promise.all(all.map((c) => c.run(() => Date.now() >= stopAt)));
    await sleep(before * 1000);
    const downAt = Date.now();
    log('restart drill: stopping PostgreSQL');
    await restart.stop();
    const stoppedAt = Date.now();
    await sleep(downSeconds * 1000);
    log('restart drill: starting PostgreSQL');
    // "Down" ends when the start begins: PostgreSQL accepts connections before the start returns.
    const startingAt = Date.now();
    await restart.start();
    const upAt = Date.now();
    stopAt = upAt + after * 1000;
    await running;
    stopProbing = true;
    await probing;
    const requests = all.flatMap((c) => c.requests);
    const during = requests.filter((r) => r.startedAt >= stoppedAt && r.endedAt <= startingAt);
    const firstReady = probes.find((p) => p.at >= startingAt && p.status === 200);
    const firstOk = requests.filter((r) => r.startedAt >= startingAt && r.ok).sort((a, b) => a.endedAt - b.endedAt)[0];
    const downProbes = probes.filter((p) => p.at >= stoppedAt && p.at + 250 < startingAt);
    const readySaidDown = downProbes.length > 0 && downProbes.every((p) => p.status === 503);
    const okWhileDown = during.filter((r) => r.ok).length;
    // Every answer the server gave while the database was down says so in a way a client can act
    // on (503 SERVICE_UNAVAILABLE, Retry-After), not as an internal error.
    const answeredOtherwise = during.filter((r) => !r.ok && /^(HTTP|GraphQL) /.test(r.outcome) && r.outcome !== 'HTTP 503 SERVICE_UNAVAILABLE');
    const afterUp = requests.filter((r) => r.startedAt >= upAt + 5000);
    const failuresLate = afterUp.filter((r) => !r.ok).length;
    // From the moment the start returned (PostgreSQL up); negative: answered while it was starting.
    const recoveryMs = firstOk ? Math.max(0, firstOk.endedAt - upAt) : Infinity;
    const readyMs = firstReady ? Math.max(0, firstReady.at - upAt) : Infinity;
    const rec = await reconcile(await db(), all.flatMap((c) => c.writes), shared.runTag);
    const alive = server.child.exitCode === null;
    const passed = alive && readySaidDown && answeredOtherwise.length === 0 && readyMs <= 5000 && recoveryMs <= 5000 && failuresLate === 0 && rec.problems.length === 0;
    return {
      name: 'Database restart',
      passed,
      lines: [
        `${all.length} clients; PostgreSQL stopped ${before} s into the load (the stop took ${((stoppedAt - downAt) / 1000).toFixed(1)} s), down ${downSeconds} s, started again (${((upAt - startingAt) / 1000).toFixed(1)} s), load for ${after} s more.`,
        `Server process: ${alive ? 'kept running' : `exited with ${server.child.exitCode}`}.`,
        `While down: ${during.length} requests, ${okWhileDown} answered 200 without error; outcomes: ${summarise(during) || 'none'}${answeredOtherwise.length ? ` — expected every answer to be 503 SERVICE_UNAVAILABLE, ${answeredOtherwise.length} were not` : ''}.`,
        `/health/ready while down: ${[...new Set(downProbes.map((p) => `${p.status}${p.reason ? ` (${p.reason})` : ''}`))].join(', ') || 'no probe'}${readySaidDown ? '' : ' — expected 503 throughout'}.`,
        `After PostgreSQL was back (its start returned): /health/ready 200 after ${Number.isFinite(readyMs) ? `${(readyMs / 1000).toFixed(1)} s` : 'never'}; first successful request after ${Number.isFinite(recoveryMs) ? `${(recoveryMs / 1000).toFixed(1)} s` : 'never'} (target ≤ 5 s); ${failuresLate} failed requests from 5 s after the restart on (of ${afterUp.length}).`,
        ...reconciliationLines(rec),
        ...(alive ? [] : [`Server output (tail): ${server.tail().slice(-1500)}`]),
      ],
    };
  } finally {
    stopProbing = true;
    await probing;
    await stopServer(server);
  }
}

async function stopDrill(target: DrillPostgres, db: pg.Client): Promise<DrillResult> {
  const server = await startServerProcess(target.url);
  const shared: SharedCounters = { transfer: 0, importRun: 0, runTag: Date.now().toString(36) };
  const fixtures = await readFixtures(db);
  const all = clientsFor(clients, server, fixtures, shared);
  let termAt = Infinity;
  let exitedAt = Infinity;
  // Clients go on sending for 2 s after SIGTERM: the requests that meet a stopping server.
  const running = Promise.all(all.map((c) => c.run(() => Date.now() >= termAt + 2000)));
  await sleep((quick ? 5 : 15) * 1000);
  termAt = Date.now();
  server.child.kill('SIGTERM');
  const code = await server.exit;
  exitedAt = Date.now();
  await running;
  const requests = all.flatMap((c) => c.requests);
  const inFlight = requests.filter((r) => r.startedAt < termAt && r.endedAt >= termAt);
  const inFlightFailed = inFlight.filter((r) => !r.ok);
  const afterExit = requests.filter((r) => r.startedAt > exitedAt);
  const afterExitServed = afterExit.filter((r) => r.ok);
  const draining = requests.filter((r) => r.startedAt >= termAt && r.startedAt <= exitedAt);
  const rec = await reconcile(db, all.flatMap((c) => c.writes), shared.runTag);
  const passed = code === 0 && inFlightFailed.length === 0 && afterExitServed.length === 0 && rec.problems.length === 0;
  return {
    name: 'Graceful stop',
    passed,
    lines: [
      `${clients} clients; SIGTERM ${quick ? 5 : 15} s into the load; the process exited ${((exitedAt - termAt) / 1000).toFixed(2)} s later with code ${code} (expected 0).`,
      `In flight at SIGTERM: ${inFlight.length} requests, ${inFlight.length - inFlightFailed.length} finished with 200${inFlightFailed.length ? `, ${inFlightFailed.length} failed: ${summarise(inFlightFailed)}` : ''}.`,
      `Sent while it drained (after SIGTERM, before exit): ${draining.length}; outcomes: ${summarise(draining) || 'none'}.`,
      `Sent after it exited: ${afterExit.length}, all refused: ${afterExitServed.length === 0 ? 'yes' : `no (${afterExitServed.length} served?)`}; outcomes: ${summarise(afterExit) || 'none'}.`,
      ...reconciliationLines(rec),
    ],
  };
}

async function main(): Promise<void> {
  const databaseUrl = values.embedded ? undefined : process.env.DATABASE_URL;
  const target = databaseUrl
    ? await machinePostgres(databaseUrl, { reuse: values.reuse! })
    : await embeddedPostgres(join(defaultDataDir(process.env), 'drills'), { reuse: values.reuse!, database: 'drills' });
  log(`drills: on ${target.description}`);
  let client: pg.Client | undefined;
  const db = async () => {
    if (client) {
      try {
        await client.query('SELECT 1');
        return client;
      } catch {
        await client.end().catch(() => {});
      }
    }
    client = new pg.Client({ connectionString: target.url });
    client.on('error', () => {});
    await client.connect();
    return client;
  };
  const results: DrillResult[] = [];
  let postgres = '?';
  try {
    await runMigrations(target.url);
    if (!(await hasDataset(target.url))) {
      log(`drills: loading the Jinan set at scale ${scale}`);
      await loadDataset(target.url, { scale, seed: 1 });
    }
    postgres = (await (await db()).query('SHOW server_version')).rows[0].server_version;
    if (only.has('load')) {
      log(`drills: load (${clients} clients, ${loadSeconds} s)`);
      results.push(await loadDrill(target, await db()));
    }
    if (only.has('restart')) {
      log('drills: database restart');
      results.push(await restartDrill(target, db));
    }
    if (only.has('stop')) {
      log('drills: graceful stop');
      results.push(await stopDrill(target, await db()));
    }
  } finally {
    await client?.end().catch(() => {});
    await target.close();
  }
  const text = report(results, postgres, target);
  log(`\n${text}`);
  if (!values['no-docs']) writeFileSync(join(root, 'docs/reliability.md'), text);
  if (results.some((r) => !r.passed)) process.exit(1);
}

function report(results: DrillResult[], postgres: string, target: DrillPostgres): string {
  const verdict = (r: DrillResult) => (r.skipped ? 'not run' : r.passed ? 'passed' : 'failed');
  return [
    '# Reliability drills',
    '',
    'Written by `npm run drill` (tools/drills): load and fault drills of the production build of the',
    'server (`node apps/server/dist/main.js`, NODE_ENV=production, its own process) on the machine’s',
    'PostgreSQL when DATABASE_URL is set (in a database of the drills’ own; the restart drill restarts',
    'that server), else on an embedded PostgreSQL the drill starts for itself, holding the Jinan set.',
    `This run: ${target.description}.`,
    'Clients are in the drill’s process and keep their own record of every',
    'write they sent; the database is reconciled against it afterwards. Writes: visits',
    '(`recordVisit`), transfers of ledger members (`transferPartyMember`), imports of three new',
    'organizations (`POST /import/organizations`, CSV); 30 % of requests are writes, the rest reads',
    '(a street’s coverage, a filtered organizations page, 10 nodes by id). The server requires sign-in:',
    'it gets a random LIANGXIN_SESSION_SECRET and every request carries a CITY_ADMIN session token',
    'signed with that key (unrestricted: no row-level security); LIANGXIN_RATE_LIMIT_PER_MINUTE=0 and',
    'LIANGXIN_SIGN_IN_RATE_LIMIT_PER_MINUTE=0, since the clients deliberately exceed any human rate.',
    '',
    `Run: \`${databaseUrlShown(target)}npm run drill${quick ? ' -- --quick' : ''}\` (${new Date().toISOString().slice(0, 10)}). Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; PostgreSQL ${postgres}; Jinan set scale ${scale}.`,
    '',
    '| drill | result |',
    '| --- | --- |',
    ...results.map((r) => `| ${r.name} | ${r.passed || r.skipped ? verdict(r) : '**failed**'} |`),
    '',
    ...results.flatMap((r) => [`## ${r.name}: ${verdict(r)}`, '', ...r.lines.map((l) => `- ${l}`), '']),
  ].join('\n');
}

function databaseUrlShown(target: DrillPostgres): string {
  return target.embedded ? '' : 'DATABASE_URL=… ';
}

main().catch((error) => {
  process.stderr.write(`drill failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
