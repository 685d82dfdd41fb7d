/**
 * Import benchmark (issue 5): N valid organization rows (fictitious names, valid Jinan credit
 * codes from the domain's makeCreditCode) as a CSV and as an .xlsx, each imported through the
 * server's importer (the code behind POST /import/organizations and `npm run import`) into a
 * fresh, migrated database holding only the areas: parse, validate, plan, one transaction with
 * set-based INSERTs and their audit rows. Then the same CSV again (every row unchanged: the
 * idempotent path) as the baseline of the same run. Results replace the section between the
 * markers in docs/benchmarks.md.
 *
 *   DATABASE_URL=postgres://… npm run bench:import -- [--rows 60000]
 */
import { createEmptyDatabase, findProjectRoot, resolveDatabase, runMigrations } from '@liangxin/db';
import { makeCreditCode } from '@liangxin/domain';
import { createDataSource, runImport, silentLogger, StreamedWorkbook, type ImportReport } from '@liangxin/server';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parseArgs } from 'node:util';
import pg from 'pg';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '60000' }, 'print-only': { type: 'boolean', default: false } } });
const N = Number(values.rows);
const root = findProjectRoot();

const DISTRICTS = ['370102', '370103', '370104', '370105', '370112', '370113', '370114', '370115', '370116', '370117', '370124', '370126'];
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const HEADERS = ['统一社会信用代码', '组织名称', '所属行业', '从业人员数', '登记日期', '所在街道', '地址', '是否重点组织', '党员人数', '是否建立党组织'];

function row(n: number): (string | number)[] {
  let body = '';
  for (let i = 0, x = n + 1; i < 8; i++, x = Math.floor(x / 31)) body = ALPHABET[x % 31] + body;
  const district = DISTRICTS[n % DISTRICTS.length]!;
  const social = n % 5 === 0;
  const code = makeCreditCode({ authorityChar: social ? '5' : '9', categoryChar: '1', divisionCode: district, organizationBody: body });
  const street = `${district}${String((n % 10) + 1).padStart(3, '0')}`;
  const month = String((n % 12) + 1).padStart(2, '0');
  const day = String((n % 28) + 1).padStart(2, '0');
  return [code, `济南基准${social ? '协会' : '企业'}${n}${social ? '' : '有限公司'}`, 'ABCDEFGHIJKLMNOPQRS'[n % 19]!, 5 + (n % 500), `${2000 + (n % 25)}-${month}-${day}`, street, `测试路${n}号`, n % 17 === 0 ? '是' : '否', n % 7, n % 3 === 0 ? '是' : '否'];
}

function csvFile(rows: (string | number)[][]): Buffer {
  return Buffer.from([HEADERS.join(','), ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n');
}

async function xlsxFile(rows: (string | number)[][]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const book = new StreamedWorkbook(out);
  const sheet = book.sheet('两新组织', HEADERS.map((header) => ({ header })));
  for (const r of rows) sheet.add(r);
  sheet.done();
  await book.commit();
  return Buffer.concat(chunks);
}

async function freshDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const created = await createEmptyDatabase(serverUrl, 'import_bench');
  await runMigrations(created.url);
  const client = new pg.Client({ connectionString: created.url });
  await client.connect();
  const areas: string[] = [`(1, '370100', '济南市', 'CITY', NULL, '{1}')`];
  DISTRICTS.forEach((d, i) => {
    const id = 10 + i;
    areas.push(`(${id}, '${d}', '区县${d}', 'DISTRICT', 1, '{1,${id}}')`);
    for (let s = 1; s <= 10; s++) areas.push(`(${id * 100 + s}, '${d}${String(s).padStart(3, '0')}', '街道${d}${s}', 'STREET', ${id}, '{1,${id},${id * 100 + s}}')`);
  });
  await client.query(`INSERT INTO area (id, code, name, level, parent_id, path) VALUES ${areas.join(', ')}`);
  await client.end();
  return created;
}

async function timed(url: string, file: Buffer, label: string): Promise<{ label: string; seconds: number; report: ImportReport }> {
  const { dataSource } = createDataSource({ url, logger: silentLogger() });
  await dataSource.initialize();
  try {
    const start = process.hrtime.bigint();
    const report = await runImport(dataSource.manager, file, { kind: 'organizations', actor: 'bench' });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (report.summary.refused > 0) throw new Error(`${label}: ${report.summary.refused} rows refused: ${JSON.stringify(report.rows.find((r) => r.outcome === 'REFUSED'))}`);
    process.stderr.write(`${label}: ${seconds.toFixed(2)} s, ${JSON.stringify(report.summary)}\n`);
    return { label, seconds, report };
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  const server = await resolveDatabase({ log: () => {} });
  const rows = Array.from({ length: N }, (_, n) => row(n));
  const csv = csvFile(rows);
  const xlsx = await xlsxFile(rows);
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  const postgres = (await client.query('SHOW server_version')).rows[0].server_version as string;
  await client.end();

  const loadBefore = loadavg()[0]!;
  const results: { label: string; seconds: number; report: ImportReport }[] = [];
  const first = await freshDatabase(server.url);
  try {
    results.push(await timed(first.url, csv, `CSV (${(csv.length / 1e6).toFixed(1)} MB), into an empty organization table`));
    results.push(await timed(first.url, csv, 'the same CSV again (all unchanged: nothing written)'));
    const counts = new pg.Client({ connectionString: first.url });
    await counts.connect();
    const audit = (await counts.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n as number;
    const organizations = (await counts.query('SELECT count(*)::int AS n FROM organization')).rows[0].n as number;
    await counts.end();
    if (audit !== N || organizations !== N) throw new Error(`expected ${N} organizations and audit rows, found ${organizations} and ${audit}`);
  } finally {
    await first.drop();
  }
  const second = await freshDatabase(server.url);
  try {
    results.push(await timed(second.url, xlsx, `.xlsx (${(xlsx.length / 1e6).toFixed(1)} MB), into an empty organization table`));
  } finally {
    await second.drop();
  }
  await server.close();

  const cpu = cpus();
  const lines = [
    `Command: \`DATABASE_URL=… npm run bench:import -- --rows ${N}\` (${new Date().toISOString().slice(0, 10)}).`,
    `Machine: ${cpu.length} × ${cpu[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}; PostgreSQL ${postgres}. Load average (1 min) before / after: ${loadBefore.toFixed(1)} / ${loadavg()[0]!.toFixed(1)} — other work shared the machine when this was above the core count.`,
    `Data: ${N.toLocaleString('en-US')} valid organization rows (10 columns, fictitious, credit codes of the 12 Jinan districts), into a fresh migrated database holding only the areas. Each run: read the file, convert and validate every row (the domain rules), plan, then one transaction holding one set-based INSERT (unnest arrays) that also writes one audit row per organization. Target: ≥ 5,000 validated rows/s.`,
    '',
    '| run | seconds | rows/s | created | unchanged |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...results.map((r) => `| ${r.label} | ${r.seconds.toFixed(2)} | ${Math.round(N / r.seconds).toLocaleString('en-US')} | ${r.report.summary.created} | ${r.report.summary.unchanged} |`),
  ];
  const table = lines.join('\n');
  process.stdout.write(`${table}\n`);
  if (!values['print-only']) {
    const path = join(root, 'docs/benchmarks.md');
    const doc = readFileSync(path, 'utf8');
    const begin = '<!-- bench:import:begin -->';
    const end = '<!-- bench:import:end -->';
    const section = `${begin}\n${table}\n${end}`;
    const next = doc.includes(begin)
      ? doc.replace(new RegExp(`${begin}[\\s\\S]*?${end}`), section)
      : `${doc.trimEnd()}\n\n## Spreadsheet import (issue 5)\n\n\`npm run bench:import\` (tools/bench/src/import-bench.ts) imports organizations through the server's importer — the code behind \`POST /import/organizations\` and \`npm run import\` — and records the rate here. Guide: [import-guide.md](import-guide.md).\n\n${section}\n`;
    writeFileSync(path, next);
  }
}

await main();
