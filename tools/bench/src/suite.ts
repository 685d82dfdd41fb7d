/**
 * The benchmark suite of issue 8: each scenario of src/scenarios/ against three servers on the
 * same database in one run, on the same machine —
 *
 *   ours          the production build of apps/server (NODE_ENV=production), as `npm start` runs it;
 *   PostGraphile  postgraphile@4 pointed at the same database, with the equivalent query for its
 *                 schema (or the reason the question cannot be asked of it);
 *   floor         one hand-written SQL statement with json_agg per scenario, behind node:http + pg.
 *
 * Each server is its own process (so its peak RSS is its own); load comes from this process with
 * autocannon. Two phases:
 *
 *   1. check and count: the servers reach PostgreSQL through a statement counter
 *      (statement-counter.ts); every scenario's answer from each server is normalised and must
 *      equal the floor's (the same data), then `--count` sequential requests give the SQL
 *      statements per request.
 *   2. load: the servers restarted with direct connections; per scenario, the servers in turn
 *      (the order rotates from scenario to scenario), warm-up then the measured run; requests/s,
 *      p50, p99, errors (non-2xx and GraphQL errors) and peak RSS during the run.
 *
 * Results replace the section between the markers in docs/benchmarks.md (not in quick mode).
 *
 *   DATABASE_URL=postgres://… npm run bench -- [--scale 1] [--seconds 20] [--warmup 5] [--connections 20] [--only Q1,Q3]
 *   npm run bench -- --quick    scale 0.05 in a fresh database next to DATABASE_URL, dropped after;
 *                               2 s per run; exits 1 unless every server answered every scenario
 *                               with the same data. Asserts nothing about speed. (.ci/run)
 */
import { hasDataset, loadDataset } from '@liangxin/datagen';
import { databaseUrl, findProjectRoot, redactUrl, resolveDatabase, runMigrations } from '@liangxin/db';
import autocannon from 'autocannon';
import { isDeepStrictEqual } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { SCENARIOS, VISITOR_PREFIX, type GraphQLBody, type Prepared, type Scenario } from './scenarios/index.js';
import { SERVER_LABELS, SERVER_NAMES, peakRssMiB, processTree, resetPeakRss, startServer, type RunningServer, type ServerName } from './servers.js';
import { startStatementCounter, type StatementCounter } from './statement-counter.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    scale: { type: 'string' },
    seconds: { type: 'string' },
    warmup: { type: 'string' },
    connections: { type: 'string', default: '20' },
    count: { type: 'string' },
    only: { type: 'string' },
    'no-docs': { type: 'boolean', default: false },
  },
});
const quick = values.quick!;
const scale = Number(values.scale ?? (quick ? '0.05' : '1'));
const seconds = Number(values.seconds ?? (quick ? '2' : '20'));
const warmup = Number(values.warmup ?? (quick ? '1' : '5'));
const connections = Number(values.connections);
const countRequests = Number(values.count ?? (quick ? '3' : '20'));
/** Seconds before autocannon gives up on one request (and counts it as an error). */
const REQUEST_TIMEOUT_S = 60;
const only = values.only ? new Set(values.only.split(',').map((s) => s.trim())) : null;
const root = findProjectRoot();
const log = (message: string) => process.stderr.write(`${message}\n`);

interface Measured {
  processes: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
  peakRssMiB: number;
}

interface ScenarioResult {
  scenario: Scenario;
  prepared: Prepared;
  skipped: Partial<Record<ServerName, string>>;
  sameData: Partial<Record<ServerName, true | string>>;
  statements: Partial<Record<ServerName, number>>;
  load: Partial<Record<ServerName, Measured>>;
}

async function main(): Promise<void> {
  const database = await resolveDatabase({ log: () => {} });
  let url = database.url;
  let dropQuick: (() => Promise<void>) | undefined;
  if (quick) {
    const name = `${new URL(database.url).pathname.slice(1) || 'liangxin'}_bench_quick`;
    url = databaseUrl(database.url, name);
    await admin(database.url, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    });
    dropQuick = () => admin(database.url, (c) => c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`)).then(() => {});
  }
  const failures: string[] = [];
  try {
    await runMigrations(url);
    if (!(await hasDataset(url))) {
      log(`loading the Jinan set at scale ${scale} into ${redactUrl(url)}`);
      await loadDataset(url, { scale, seed: 1 });
    }
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      const dataset = (await db.query(`SELECT scale, seed, as_of::text AS as_of FROM dataset ORDER BY id DESC LIMIT 1`)).rows[0];
      if (Number(dataset.scale) !== scale) {
        throw new Error(`${redactUrl(url)} holds the Jinan set at scale ${dataset.scale}, not ${scale}: use --scale ${dataset.scale}, or an empty database`);
      }
      const conditions = {
        postgres: (await db.query(`SHOW server_version`)).rows[0].server_version as string,
        organizations: (await db.query(`SELECT count(*)::int AS n FROM organization`)).rows[0].n as number,
        asOf: dataset.as_of as string,
        seed: dataset.seed as number,
      };
      const scenarios = SCENARIOS.filter((s) => !only || only.has(s.id));
      const results = await checkAndCount(url, db, scenarios, conditions.asOf, failures);
      await loadPhase(url, results);
      const removed = await db.query(`DELETE FROM visit WHERE visitor LIKE $1`, [`${VISITOR_PREFIX}%`]);
      if (removed.rowCount) log(`removed the ${removed.rowCount} visits W1 recorded`);
      const section = report(results, conditions);
      log(`\n${section}\n`);
      if (!quick && !values['no-docs']) writeSection(section);
    } finally {
      await db.end();
    }
  } finally {
    await dropQuick?.();
    await database.close();
  }
  if (failures.length) {
    log(`\nbench: ${failures.length} check(s) failed:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
    process.exit(1);
  }
  log(quick ? 'bench --quick: every server answered every scenario it can be asked with the same data' : 'bench: done');
}

/** Phase 1: servers behind statement counters; the same-data check and statements per request. */
async function checkAndCount(url: string, db: pg.Client, scenarios: readonly Scenario[], asOf: string, failures: string[]): Promise<ScenarioResult[]> {
  const counters = {} as Record<ServerName, StatementCounter>;
  const servers = {} as Record<ServerName, RunningServer>;
  try {
    for (const name of SERVER_NAMES) {
      counters[name] = await startStatementCounter(url);
      servers[name] = await startServer(name, counters[name].url);
    }
    const ctx = {
      db,
      asOf,
      ours: (body: GraphQLBody) => postJson(servers.ours, body),
      postgraphile: (body: GraphQLBody) => postJson(servers.postgraphile, body),
    };
    const results: ScenarioResult[] = [];
    for (const scenario of scenarios) {
      const prepared = await scenario.prepare(ctx);
      const result: ScenarioResult = { scenario, prepared, skipped: {}, sameData: {}, statements: {}, load: {} };
      results.push(result);
      const answers: Partial<Record<ServerName, unknown>> = {};
      for (const name of SERVER_NAMES) {
        const send = requestOf(prepared, name, scenario.id, servers[name]);
        if ('skip' in send) {
          result.skipped[name] = send.skip;
          continue;
        }
        let response = await send.request(0);
        if (name === 'ours' && scenario.write && /Cannot query field "recordVisit"/.test(JSON.stringify(response))) {
          result.skipped[name] = 'recordVisit is not in this build of the server yet';
          continue;
        }
        try {
          answers[name] = prepared.normalise[name](response);
        } catch (error) {
          result.sameData[name] = `answer unreadable: ${error instanceof Error ? error.message : String(error)}`;
          failures.push(`${scenario.id} ${name}: ${result.sameData[name]}`);
          continue;
        }
        response = await send.request(1); // warm: prepared statements, caches
        counters[name].reset();
        for (let n = 0; n < countRequests; n++) await send.request(2 + n);
        result.statements[name] = counters[name].statements / countRequests;
      }
      const reference = answers.floor;
      for (const name of ['ours', 'postgraphile'] as const) {
        if (!(name in answers)) continue;
        const difference = firstDifference(answers[name], reference);
        result.sameData[name] = difference ?? true;
        if (difference) failures.push(`${scenario.id}: ${name} and the floor differ at ${difference}`);
      }
      log(
        `${scenario.id}: same data ${SERVER_NAMES.map((n) => `${n} ${result.skipped[n] ? 'skipped' : result.sameData[n] === true || n === 'floor' ? 'ok' : 'DIFFERS'}`).join(', ')}; ` +
          `statements/request ${SERVER_NAMES.map((n) => `${n} ${result.statements[n] ?? '–'}`).join(', ')}`,
      );
    }
    return results;
  } finally {
    for (const name of SERVER_NAMES) await servers[name]?.stop();
    for (const name of SERVER_NAMES) await counters[name]?.close();
  }
}

/** Phase 2: direct connections; per scenario the three servers in turn, the order rotating. */
async function loadPhase(url: string, results: ScenarioResult[]): Promise<void> {
  const servers = {} as Record<ServerName, RunningServer>;
  try {
    for (const name of SERVER_NAMES) servers[name] = await startServer(name, url);
    for (const [k, result] of results.entries()) {
      const order = SERVER_NAMES.map((_, i) => SERVER_NAMES[(i + k) % SERVER_NAMES.length]!);
      for (const name of order) {
        if (result.skipped[name] || (name !== 'floor' && result.sameData[name] !== true)) continue;
        const server = servers[name];
        const send = requestOf(result.prepared, name, result.scenario.id, server);
        if ('skip' in send) continue;
        await untilDatabaseIdle(url);
        await cannon(send, warmup);
        resetPeakRss(server.pid);
        const measured = await cannon(send, seconds);
        result.load[name] = { ...measured, peakRssMiB: peakRssMiB(server.pid), processes: processTree(server.pid).length };
        log(`${result.scenario.id} ${name}: ${measured.requestsPerSecond.toFixed(1)} req/s, p50 ${measured.p50} ms, p99 ${measured.p99} ms, errors ${measured.errors}`);
      }
    }
  } finally {
    for (const name of SERVER_NAMES) await servers[name]?.stop();
  }
}

/**
 * Waits until the database runs no statement (at most REQUEST_TIMEOUT_S). autocannon stops
 * sending when its time is up, but statements the previous server had started run on: at scale
 * 20 a blind-spot count takes seconds, and ten of them would share the next server's measured
 * window with it. Every server starts on an idle database.
 */
async function untilDatabaseIdle(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const deadline = Date.now() + REQUEST_TIMEOUT_S * 1000;
    while (Date.now() < deadline) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
      );
      if (rows[0].n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await client.end();
  }
}

interface Sender {
  url: string;
  /** content-type, and for ours the bearer token (servers.ts): on every request, autocannon's too. */
  headers: Record<string, string>;
  body(n: number): string;
  varies: boolean;
  request(n: number): Promise<unknown>;
}

let writeCounter = 1_000_000;

function requestOf(prepared: Prepared, name: ServerName, id: string, server: RunningServer): Sender | { skip: string } {
  const url = server.url;
  const headers = { 'content-type': 'application/json', ...server.headers };
  let body: (n: number) => string;
  let varies = false;
  let target = url;
  if (name === 'floor') {
    const floor = prepared.floor;
    varies = !!floor.vary;
    body = (n) => JSON.stringify(floor.vary ? floor.vary(n) : floor.params);
    target = `${url}/${id}`;
  } else {
    const side = prepared[name];
    if ('skip' in side) return side;
    varies = !!side.vary;
    body = (n) => JSON.stringify(side.vary ? side.vary(n) : side.body);
  }
  return {
    url: target,
    headers,
    body,
    varies,
    request: async (n) => {
      const response = await fetch(target, { method: 'POST', headers, body: body(n) });
      const text = await response.text();
      if (!response.ok) throw new Error(`${name} ${id}: HTTP ${response.status}: ${text.slice(0, 300)}`);
      return JSON.parse(text) as unknown;
    },
  };
}

async function cannon(send: Sender, duration: number): Promise<Omit<Measured, 'peakRssMiB' | 'processes'>> {
  let graphqlErrors = 0;
  const result = await autocannon({
    url: send.url,
    connections,
    duration,
    // autocannon's default of 10 s counts as errors the answers a saturated machine gives late: at
    // scale 20, 20 concurrent blind-spot counts of a district queue for longer than that on two
    // cores, for every server. A request is an error only when it takes longer than this.
    timeout: REQUEST_TIMEOUT_S,
    requests: [
      {
        method: 'POST',
        headers: send.headers,
        body: send.body(0),
        ...(send.varies ? { setupRequest: (request: any) => ({ ...request, body: send.body(writeCounter++) }) } : {}),
        // A GraphQL error comes with status 200: count it as an error.
        onResponse: (status: number, body: string) => {
          if (status === 200 && body.startsWith('{"errors"')) graphqlErrors++;
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts + graphqlErrors,
    requests: result.requests.total,
  };
}

async function postJson(server: RunningServer, body: unknown): Promise<any> {
  const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...server.headers }, body: JSON.stringify(body) });
  return response.json();
}

/** The path of the first difference between two JSON values, or null when they are equal. */
function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path} (length ${a.length} vs ${b.length})`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
  } else if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const d = firstDifference((a as any)[key], (b as any)[key], `${path}.${key}`);
      if (d) return d;
    }
  }
  return `${path} (${JSON.stringify(a)?.slice(0, 120)} vs floor ${JSON.stringify(b)?.slice(0, 120)})`;
}

function report(results: ScenarioResult[], c: { postgres: string; organizations: number; asOf: string; seed: number }): string {
  const fmt = (x: number | undefined, digits = 1) => (x === undefined || Number.isNaN(x) ? '–' : x.toFixed(digits));
  const rows: string[] = [];
  const ratios: string[] = [];
  const notAsked: string[] = [];
  for (const r of results) {
    for (const name of SERVER_NAMES) {
      const m = r.load[name];
      if (r.skipped[name]) {
        rows.push(`| ${r.scenario.id} | ${SERVER_LABELS[name]} | not asked | | | | | |`);
        notAsked.push(`- ${r.scenario.id}, ${SERVER_LABELS[name]}: ${r.skipped[name]}`);
        continue;
      }
      if (!m) {
        rows.push(`| ${r.scenario.id} | ${SERVER_LABELS[name]} | not run: ${r.sameData[name] ?? 'failed'} | | | | | |`);
        continue;
      }
      rows.push(`| ${r.scenario.id} | ${SERVER_LABELS[name]} | ${fmt(m.requestsPerSecond)} | ${m.p50} | ${m.p99} | ${fmt(r.statements[name])} | ${fmt(m.peakRssMiB, 0)}${m.processes > 1 ? ` (${m.processes} processes)` : ''} | ${m.errors} |`);
    }
    const rate = (name: ServerName) => r.load[name]?.requestsPerSecond;
    const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b ? a / b : undefined);
    const vsPg = ratio(rate('ours'), rate('postgraphile'));
    const vsFloor = ratio(rate('ours'), rate('floor'));
    const pgCell = r.skipped.postgraphile ? 'not asked' : vsPg === undefined ? '–' : `${vsPg.toFixed(2)}×`;
    const met = [
      r.scenario.write ? null : vsPg === undefined ? null : vsPg >= 1 ? '≥ 1.0× PostGraphile: yes' : '≥ 1.0× PostGraphile: **no**',
      vsFloor === undefined ? null : vsFloor >= 0.5 ? '≥ 0.5× floor: yes' : '≥ 0.5× floor: **no**',
    ].filter(Boolean);
    ratios.push(`| ${r.scenario.id} | ${pgCell} | ${vsFloor === undefined ? '–' : `${vsFloor.toFixed(2)}×`} | ${met.join('; ')} |`);
  }
  return [
    `Command: \`DATABASE_URL=… npm run bench -- --scale ${scale}${quick ? ' --quick' : ''}\` (${new Date().toISOString().slice(0, 10)}).`,
    `Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; 1-minute load average at the end ${loadavg()[0]!.toFixed(1)}; Node ${process.version}; PostgreSQL ${c.postgres}; postgraphile ${postgraphileVersion()}.`,
    `Data: Jinan set scale ${scale} (seed ${c.seed}, as of ${c.asOf}), ${c.organizations.toLocaleString('en')} organizations; coverage questions asked for the as-of date.`,
    `Load: autocannon from the benchmark process, ${connections} connections, ${warmup} s warm-up then ${seconds} s per scenario and server; the three servers run side by side, each in its own process(es) with pools of 10 connections — ours as in production, the primary and its LIANGXIN_WORKERS workers (default: the cores, at most 4), a pool each — and are loaded one at a time, the order rotating from scenario to scenario, each on an idle database (the previous server's last statements finished). Ours requires sign-in: it gets a random LIANGXIN_SESSION_SECRET and every request to it carries a CITY_ADMIN session token signed with that key (unrestricted: no row-level security, nothing masked; checking the token sends no SQL); LIANGXIN_RATE_LIMIT_PER_MINUTE=0 and LIANGXIN_SIGN_IN_RATE_LIMIT_PER_MINUTE=0, since a load generator deliberately exceeds any human rate. PostGraphile and the floor take no token. Statements per request: the mean over ${countRequests} sequential requests after a warm one, counted on the wire (statement-counter.ts; BEGIN/COMMIT included). Peak RSS: VmHWM during the measured run, summed over a server's processes. Errors: non-2xx, socket errors, timeouts (a request unanswered after ${REQUEST_TIMEOUT_S} s) and GraphQL errors.`,
    '',
    '| scenario | server | requests/s | p50 ms | p99 ms | statements / request | peak RSS MiB | errors |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    '| scenario | ours / PostGraphile (requests/s) | ours / floor (requests/s) | targets |',
    '| --- | ---: | ---: | --- |',
    ...ratios,
    '',
    'Scenarios (documents, SQL and normalisers in `tools/bench/src/scenarios/`):',
    '',
    ...results.map((r) => `- ${r.scenario.id}: ${r.scenario.title}.`),
    '',
    'Not asked of PostGraphile:',
    '',
    ...(notAsked.length ? notAsked : ['- none']),
  ].join('\n');
}

function postgraphileVersion(): string {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules/postgraphile/package.json'), 'utf8')).version as string;
  } catch {
    return '?';
  }
}

async function admin<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const BEGIN = '<!-- bench:suite:begin -->';
const END = '<!-- bench:suite:end -->';

/**
 * Writes this scale's figures between its own markers inside the suite's section, so a run at
 * scale 20 keeps the figures of scale 1 (issue 8 asks for both).
 */
function writeSection(section: string): void {
  const file = join(root, 'docs/benchmarks.md');
  let text = readFileSync(file, 'utf8');
  if (text.indexOf(BEGIN) < 0 || text.indexOf(END) < 0) throw new Error(`docs/benchmarks.md lacks the ${BEGIN} … ${END} markers`);
  const begin = `<!-- bench:suite:scale-${scale}:begin -->`;
  const end = `<!-- bench:suite:scale-${scale}:end -->`;
  if (text.indexOf(begin) < 0) text = text.replace(END, `${begin}\n${end}\n${END}`);
  const from = text.indexOf(begin) + begin.length;
  writeFileSync(file, `${text.slice(0, from)}\n${section}\n${text.slice(text.indexOf(end))}`);
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
