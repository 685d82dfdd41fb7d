/**
 * Coverage benchmark (issue 4's scenario, ahead of the full suite of issue 8): the production
 * build of the server, started as `npm start` starts it, on a real PostgreSQL holding the Jinan
 * set at a named scale; load from this separate process with autocannon. Each scenario runs next
 * to a baseline in the same run (`{ __typename }`: the server's floor of HTTP + GraphQL without
 * SQL). Results replace the section between the markers in docs/benchmarks.md.
 *
 *   DATABASE_URL=postgres://… npm run bench:coverage -- [--scale 1] [--seconds 10] [--connections 1,20]
 *
 * Each scenario runs at every connection count given: 1 connection is the latency one analyst
 * sees (issue 4's target names no load), 20 the load of the suite in issue 8.
 */
import { hasDataset, loadDataset } from '@liangxin/datagen';
import { findProjectRoot, redactUrl, resolveDatabase, runMigrations } from '@liangxin/db';
import { addDays, todayInShanghai } from '@liangxin/domain';
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { toolSession } from './session-token.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '1,20' },
    port: { type: 'string', default: '4391' },
  },
});
const scale = Number(values.scale);
const seconds = Number(values.seconds);
const warmup = Number(values.warmup);
const connectionCounts = values.connections!.split(',').map(Number);
if (connectionCounts.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--connections: a comma-separated list of positive integers, got ${values.connections}`);
const port = Number(values.port);
const root = findProjectRoot();

const today = todayInShanghai();
const yearBack = addDays(today, -365);
// Every street of the city (112 at any scale): the districts, and the streets of each.
const STREETS = `query StreetCoverage($asOf: Date) { areas(level: DISTRICT, first: 100) { nodes { code children(first: 100) { nodes { code coverage(asOf: $asOf) { inScope organizationCovered workCovered blindSpots overallCoverageRate } } } } } }`;

const scenarios = [
  { name: 'baseline: { __typename }', body: { query: '{ __typename }' } },
  { name: `Q3 coverage of all streets, asOf ${today}`, body: { query: STREETS, variables: { asOf: today } } },
  { name: `Q3 coverage of all streets, asOf ${yearBack}`, body: { query: STREETS, variables: { asOf: yearBack } } },
];

async function main(): Promise<void> {
  const database = await resolveDatabase({ log: () => {} });
  await runMigrations(database.url);
  if (!(await hasDataset(database.url))) {
    process.stderr.write(`loading the Jinan set at scale ${scale} into ${redactUrl(database.url)}\n`);
    await loadDataset(database.url, { scale, seed: 1, asOf: today });
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const dataset = (await client.query(`SELECT scale, seed, as_of::text FROM dataset ORDER BY id DESC LIMIT 1`)).rows[0];
  const postgres = (await client.query(`SHOW server_version`)).rows[0].server_version as string;
  const organizations = (await client.query(`SELECT count(*)::int AS n FROM organization`)).rows[0].n as number;
  await client.end();

  // The server requires sign-in: a random session key for it, rate limits off (the load exceeds any
  // human rate on purpose), and a CITY_ADMIN token signed with that key on every request —
  // unrestricted (no row-level security), so the measured work is as before (session-token.ts).
  const session = await toolSession();
  const server = spawn(process.execPath, [join(root, 'apps/server/dist/main.js')], {
    // As `npm start` runs it: NODE_ENV=production (graphql-js skips its development-mode checks).
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: database.url, PORT: String(port), LIANGXIN_DEMO_DATA: 'off', LOG_LEVEL: 'warn', ...session.env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitReady(`http://127.0.0.1:${port}/health/ready`);
    const rows: string[] = [];
    // Issue 4: p50 under 50 ms at scale 1 and under 300 ms at scale 20, today and a year back.
    const target = scale >= 20 ? 300 : 50;
    const verdicts: string[] = [];
    for (const connections of connectionCounts)
    for (const scenario of scenarios) {
      const run = (duration: number) =>
        autocannon({
          url: `http://127.0.0.1:${port}/graphql`,
          method: 'POST',
          headers: { 'content-type': 'application/json', ...session.headers },
          body: JSON.stringify(scenario.body),
          connections,
          duration,
        });
      await run(warmup);
      const result = await run(seconds);
      const errors = result.errors + result.non2xx;
      rows.push(
        `| ${scenario.name} | ${connections} | ${result.requests.average.toFixed(1)} | ${result.latency.p50} | ${result.latency.p99} | ${errors} |`,
      );
      if (scenario.name.startsWith('Q3')) verdicts.push(`${scenario.name.replace('Q3 coverage of all streets, ', '')} at ${connections} connection${connections === 1 ? '' : 's'}: p50 ${result.latency.p50} ms, ${result.latency.p50 < target ? 'met' : '**not met**'}`);
      process.stderr.write(`${scenario.name} (${connections} conn.): ${result.requests.average.toFixed(1)} req/s, p50 ${result.latency.p50} ms\n`);
    }
    const section = [
      `Command: \`DATABASE_URL=… npm run bench:coverage -- --scale ${scale}\` (${new Date().toISOString().slice(0, 10)}).`,
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; PostgreSQL ${postgres}.`,
      `Data: Jinan set scale ${dataset?.scale ?? scale} (seed ${dataset?.seed ?? 1}, as of ${dataset?.as_of ?? today}), ${organizations.toLocaleString('en')} organizations.`,
      `Load: autocannon from the benchmark process, ${connectionCounts.join(' and ')} connection(s) (each scenario at each count), ${warmup} s warm-up then ${seconds} s per scenario; the server is the production build (\`node apps/server/dist/main.js\`) in its own process. Every request carries a CITY_ADMIN session token signed with the server's random LIANGXIN_SESSION_SECRET (unrestricted: no row-level security; no SQL to check it); LIANGXIN_RATE_LIMIT_PER_MINUTE=0 and LIANGXIN_SIGN_IN_RATE_LIMIT_PER_MINUTE=0, since a load generator deliberately exceeds any human rate.`,
      '',
      '| scenario | connections | requests/s | p50 ms | p99 ms | errors |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
      '',
      `Issue 4's target at scale ${scale}, p50 under ${target} ms — ${verdicts.join('; ')}.`,
    ].join('\n');
    writeSection(section);
    process.stderr.write(`${section}\n`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    await database.close();
  }
}

async function waitReady(url: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server not ready at ${url}`);
}

const BEGIN = '<!-- bench:coverage:begin -->';
const END = '<!-- bench:coverage:end -->';

/**
 * Writes this scale's figures between its own markers inside the coverage section, so a run at
 * scale 20 keeps the figures of scale 1 (issue 4 has a target for each).
 */
function writeSection(section: string): void {
  const file = join(root, 'docs/benchmarks.md');
  let text = readFileSync(file, 'utf8');
  if (text.indexOf(BEGIN) < 0 || text.indexOf(END) < 0) throw new Error(`docs/benchmarks.md lacks the ${BEGIN} … ${END} markers`);
  const begin = `<!-- bench:coverage:scale-${scale}:begin -->`;
  const end = `<!-- bench:coverage:scale-${scale}:end -->`;
  if (text.indexOf(begin) < 0) text = text.replace(END, `${begin}\n${end}\n${END}`);
  const from = text.indexOf(begin) + begin.length;
  writeFileSync(file, `${text.slice(0, from)}\n${section}\n${text.slice(text.indexOf(end))}`);
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
