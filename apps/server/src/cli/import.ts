import 'reflect-metadata';
import { redactUrl, resolveDatabase, runMigrations, type DatabaseTarget } from '@liangxin/db';
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { createDataSource } from '../db/data-source.js';
import { describeError } from '../errors/describe-error.js';
import { GATE_SOURCES, IMPORT_KINDS, isImportKind, type GateSource } from '../import/columns.js';
import { ImportFileError } from '../import/errors.js';
import { runImport } from '../import/importer.js';
import { formatReport } from '../import/report.js';

/**
 * `npm run import -- <file> --kind organizations [--dry-run] [--valid-rows-only]
 *   [--source REGISTRATION|ANNUAL_REVIEW|EVALUATION] [--json]`
 *
 * Connects as the server does (DATABASE_URL, else the embedded PostgreSQL), applies pending
 * migrations, imports, prints the per-row report. Exit status: 0 applied (or a clean dry run),
 * 1 rows were refused, 2 the file or the arguments were refused, 3 anything else (database
 * unreachable …). The audit trail records the actor as cli:<os user>.
 */

const USAGE = `usage: npm run import -- <file.xlsx|file.csv> --kind ${IMPORT_KINDS.join('|')} [--dry-run] [--valid-rows-only] [--source ${GATE_SOURCES.join('|')}] [--json]`;

function fail(code: number, message: string): never {
  process.stderr.write(`liangxin import: ${message}\n`);
  process.exit(code);
}

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      kind: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'valid-rows-only': { type: 'boolean', default: false },
      source: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
} catch (error) {
  fail(2, `${(error as Error).message}\n${USAGE}`);
}
const { values, positionals } = args;
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (positionals.length !== 1) fail(2, `give exactly one file\n${USAGE}`);
if (!isImportKind(values.kind)) fail(2, `--kind must be one of ${IMPORT_KINDS.join(', ')}\n${USAGE}`);
const source = values.source ? values.source.toUpperCase() : null;
if (source !== null && !(GATE_SOURCES as readonly string[]).includes(source)) fail(2, `--source must be one of ${GATE_SOURCES.join(', ')}`);

// npm runs workspace scripts in the workspace folder; a relative path means the caller's folder.
const path = resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]!);
let file: Buffer;
try {
  file = await readFile(path);
} catch (error) {
  fail(2, `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
}

let target: DatabaseTarget | undefined;
let exitCode = 3;
try {
  target = await resolveDatabase({ env: process.env, log: () => {} });
  await runMigrations(target.url);
  const { dataSource } = createDataSource({ url: target.url, logger: pino({ level: 'silent' }) });
  await dataSource.initialize();
  try {
    const report = await runImport(dataSource.manager, file, {
      kind: values.kind,
      dryRun: values['dry-run'],
      validRowsOnly: values['valid-rows-only'],
      source: source as GateSource | null,
      actor: `cli:${userInfo().username}`,
    });
    process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
    if (!values.json) process.stderr.write(`database: ${redactUrl(target.url)}${target.embedded ? ' (embedded)' : ''}\n`);
    exitCode = report.summary.refused > 0 ? 1 : 0;
  } finally {
    await dataSource.destroy();
  }
} catch (error) {
  if (error instanceof ImportFileError) {
    if (values.json) process.stdout.write(`${JSON.stringify({ error: error.toJSON() }, null, 2)}\n`);
    process.stderr.write(`liangxin import: ${error.reason}: ${error.zh}\n  ${error.en}\n`);
    exitCode = 2;
  } else {
    process.stderr.write(`liangxin import: failed: ${JSON.stringify(describeError(error))}\n`);
    exitCode = 3;
  }
} finally {
  await target?.close().catch(() => {});
}
process.exit(exitCode);
