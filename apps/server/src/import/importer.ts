import { todayInShanghai } from '@liangxin/domain';
import type { EntityManager } from 'typeorm';
import { convertCell } from './cells.js';
import { COLUMNS, GATE_LABELS, KIND_LABELS, normalizeHeader, type ColumnSpec, type GateSource, type ImportKind } from './columns.js';
import { ImportFileError } from './errors.js';
import type { KindHandler, PlanContext, PlannedRow, RowInput } from './kinds/common.js';
import { instructorsKind } from './kinds/instructors.js';
import { membersKind } from './kinds/members.js';
import { organizationsKind } from './kinds/organizations.js';
import { visitsKind } from './kinds/visits.js';
import { MAX_DATA_ROWS, readTable, type CellValue, type Table } from './read-file.js';
import { rowIssue, type ImportReport, type RowIssue } from './report.js';

/**
 * A spreadsheet import, start to end (docs/import-guide.md):
 *
 * 1. read the file (read-file.ts) — a broken file is refused as a whole;
 * 2. find the header row and map headers to fields (columns.ts) — missing columns refuse the file;
 * 3. convert every cell (cells.ts) and check every row with the domain's rules, resolve its
 *    references and compare it with what is stored (kinds/*.ts): CREATE, UPDATE, UNCHANGED or
 *    REFUSED with reasons — all before anything is written;
 * 4. unless it is a dry run, write in ONE transaction: every valid row, or — when some row is
 *    refused — nothing (or, with validRowsOnly, the valid rows only), with an audit row per
 *    change. Unchanged rows are not written at all, so a second identical import changes
 *    nothing, writes no audit row and raises no version.
 */

export interface ImportOptions {
  readonly kind: ImportKind;
  /** Report only; write nothing. */
  readonly dryRun?: boolean;
  /** Write the valid rows even when others are refused (default: all or nothing). */
  readonly validRowsOnly?: boolean;
  /** The registration gate the data comes from (三个同步): organizations only. */
  readonly source?: GateSource | null;
  /** audit_log.actor: 'anonymous' over HTTP until sign-in exists, 'cli:<user>' from the CLI. */
  readonly actor: string;
  readonly requestId?: string | null;
  /** Today in Asia/Shanghai, injectable for tests. */
  readonly today?: string;
}

const HANDLERS: Record<ImportKind, KindHandler> = {
  organizations: organizationsKind,
  members: membersKind,
  instructors: instructorsKind,
  visits: visitsKind,
};

/**
 * An import's statements may run longer than the server's 30 s statement timeout (one INSERT of
 * 100,000 rows and the coverage-tally refresh its trigger runs); the import's own transaction
 * allows this much.
 */
export const IMPORT_STATEMENT_TIMEOUT_MS = 600_000;

/** Rows searched for the header: officials often put a title row or two above it. */
const HEADER_SEARCH_ROWS = 10;

interface HeaderMap {
  /** Index into table.rows of the header row. */
  index: number;
  /** Per cell position: the column it fills, or null (ignored). */
  columns: (ColumnSpec | null)[];
  headers: string[];
  ignored: string[];
  headerOf: Map<string, string>;
}

function headerText(cell: CellValue): string {
  if (cell === null) return '';
  if (typeof cell === 'object' && !(cell instanceof Date)) return '';
  return String(cell instanceof Date ? cell.toISOString().slice(0, 10) : cell).trim();
}

function mapHeaders(table: Table, kind: ImportKind, source: GateSource | null): HeaderMap {
  const specs = COLUMNS[kind];
  const lookup = new Map<string, ColumnSpec>();
  for (const spec of specs) for (const h of [spec.header, ...(spec.aliases ?? [])]) lookup.set(normalizeHeader(h), spec);
  const key = specs[0]!;
  const isKeyHeader = (cell: CellValue) => lookup.get(normalizeHeader(headerText(cell))) === key;

  const nonEmpty = table.rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => row.cells.some((c) => headerText(c) !== ''));
  if (nonEmpty.length === 0) throw new ImportFileError('EMPTY_SHEET', '表格是空的：没有表头，也没有数据', 'The sheet is empty: no header and no data.');
  const candidate = nonEmpty.slice(0, HEADER_SEARCH_ROWS).find(({ row }) => row.cells.some(isKeyHeader)) ?? nonEmpty[0]!;

  const columns: (ColumnSpec | null)[] = [];
  const headers: string[] = [];
  const ignored: string[] = [];
  const headerOf = new Map<string, string>();
  const seen = new Map<string, string>();
  candidate.row.cells.forEach((cell, i) => {
    const text = headerText(cell);
    const spec = text === '' ? undefined : lookup.get(normalizeHeader(text));
    if (!spec || spec.exportOnly) {
      columns[i] = null;
      if (text !== '' && !spec) ignored.push(text.slice(0, 50));
      return;
    }
    const before = seen.get(spec.field);
    if (before !== undefined) {
      throw new ImportFileError(
        'DUPLICATE_COLUMN',
        `“${before}”和“${text}”是同一列，请删去其中一列`,
        `"${before}" and "${text}" are the same column; remove one.`,
        400,
        ['file', 'columns', text],
      );
    }
    seen.set(spec.field, text);
    headerOf.set(spec.field, text);
    columns[i] = spec;
    headers.push(text);
  });
  const label = KIND_LABELS[kind];
  const missing = specs.filter((s) => s.required && !seen.has(s.field)).map((s) => s.header);
  if (missing.length > 0) {
    throw new ImportFileError(
      'MISSING_COLUMNS',
      `缺少必需的列：${missing.join('、')}（导入${label.zh}，表头须在前 ${HEADER_SEARCH_ROWS} 行内；请下载模板核对）`,
      `Required columns are missing: ${missing.join(', ')} (importing ${label.en}; the header must be within the first ${HEADER_SEARCH_ROWS} rows — compare with the template).`,
      400,
      ['file', 'columns'],
    );
  }
  if (source) {
    const gateMissing = specs.filter((s) => s.gate && !seen.has(s.field)).map((s) => s.header);
    if (gateMissing.length > 0) {
      throw new ImportFileError(
        'GATE_COLUMNS_MISSING',
        `“${GATE_LABELS[source]}”导入须含党建信息列：${gateMissing.join('、')}`,
        `An import from a registration gate (${source}) must carry the Party-building columns: ${gateMissing.join(', ')}.`,
        400,
        ['file', 'columns'],
      );
    }
  }
  return { index: candidate.index, columns, headers, ignored, headerOf };
}

function isBlank(cells: readonly CellValue[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

function convertRows(table: Table, map: HeaderMap): RowInput[] {
  const out: RowInput[] = [];
  for (const row of table.rows.slice(map.index + 1)) {
    if (isBlank(row.cells)) continue;
    const values: Record<string, unknown> = {};
    const issues: RowIssue[] = [];
    const blocked = new Set<string>();
    map.columns.forEach((spec, i) => {
      if (!spec) return;
      const converted = convertCell(spec, row.cells[i] ?? null);
      const header = map.headerOf.get(spec.field)!;
      if (!converted.ok) {
        blocked.add(spec.field);
        issues.push(rowIssue(row.number, header, 'BAD_USER_INPUT', converted.problem.reason, converted.problem.zh, converted.problem.en));
        return;
      }
      values[spec.field] = converted.value;
      if (spec.required && converted.value === undefined) {
        issues.push(rowIssue(row.number, header, 'BAD_USER_INPUT', 'REQUIRED', `请填写“${header}”`, `"${header}" is required.`));
        blocked.add(spec.field);
      }
    });
    out.push({ row: row.number, values, issues, blocked });
  }
  return out;
}

/** Every occurrence of a key that appears on more than one row is refused: which one is right is not ours to guess. */
function refuseDuplicates(rows: PlannedRow[], keyHeader: string): void {
  const byKey = new Map<string, PlannedRow[]>();
  for (const row of rows) {
    if (row.dedupeKey === null) continue;
    const list = byKey.get(row.dedupeKey);
    if (list) list.push(row);
    else byKey.set(row.dedupeKey, [row]);
  }
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    const numbers = list.map((r) => r.row).join('、');
    for (const row of list) {
      row.outcome = 'REFUSED';
      delete row.changes;
      delete row.payload;
      row.issues = [
        ...(row.issues ?? []),
        rowIssue(
          row.row,
          keyHeader,
          'CONFLICT',
          'DUPLICATE_IN_FILE',
          `同一记录在文件中出现多次（第 ${numbers} 行），请只保留一行`,
          `The same record appears on several rows of the file (rows ${list.map((r) => r.row).join(', ')}); keep one.`,
        ),
      ];
    }
  }
}

export function checkImportOptions(options: Pick<ImportOptions, 'kind' | 'source'>): void {
  if (options.source && options.kind !== 'organizations') {
    throw new ImportFileError(
      'SOURCE_NOT_APPLICABLE',
      '“三个同步”来源（source）只适用于导入两新组织',
      'A registration-gate source applies to organization imports only.',
      400,
      ['source'],
    );
  }
}

export async function runImport(manager: EntityManager, file: Buffer, options: ImportOptions): Promise<ImportReport> {
  checkImportOptions(options);
  const table = await readTable(file);
  const source = options.source ?? null;
  const map = mapHeaders(table, options.kind, source);
  const inputs = convertRows(table, map);
  if (inputs.length === 0) {
    throw new ImportFileError('EMPTY_SHEET', '表头下没有数据行', 'There are no data rows under the header.', 400, ['file']);
  }
  if (inputs.length > MAX_DATA_ROWS) {
    throw new ImportFileError(
      'TOO_MANY_ROWS',
      `一次最多导入 ${MAX_DATA_ROWS.toLocaleString('en-US')} 行，请拆分文件`,
      `At most ${MAX_DATA_ROWS.toLocaleString('en-US')} rows per import; split the file.`,
      413,
      ['file'],
    );
  }
  const handler = HANDLERS[options.kind];
  const dryRun = options.dryRun ?? false;
  const validRowsOnly = options.validRowsOnly ?? false;
  const today = options.today ?? todayInShanghai();
  const canonical = new Map(COLUMNS[options.kind].map((c) => [c.field, c.header]));
  const keyHeader = map.headerOf.get(COLUMNS[options.kind][0]!.field)!;

  const run = async (db: EntityManager): Promise<ImportReport> => {
    if (dryRun) await db.query('SET TRANSACTION READ ONLY');
    await db.query(`SET LOCAL statement_timeout = ${IMPORT_STATEMENT_TIMEOUT_MS}`);
    const ctx: PlanContext = {
      db,
      today,
      source,
      lock: !dryRun,
      header: (field) => map.headerOf.get(field) ?? canonical.get(field) ?? field,
    };
    const rows = await handler.plan(ctx, inputs);
    refuseDuplicates(rows, keyHeader);
    const count = (outcome: string) => rows.filter((r) => r.outcome === outcome).length;
    const refused = count('REFUSED');
    const report: ImportReport = {
      kind: options.kind,
      dryRun,
      validRowsOnly,
      source,
      applied: false,
      file: {
        format: table.format,
        encoding: table.encoding,
        sheet: table.sheet,
        headerRow: table.rows[map.index]!.number,
        columns: map.headers,
        ignoredColumns: map.ignored,
      },
      summary: { rows: rows.length, created: count('CREATE'), updated: count('UPDATE'), unchanged: count('UNCHANGED'), refused },
      rows: rows.map(({ dedupeKey: _k, payload: _p, ...row }) => row),
    };
    if (!dryRun && (refused === 0 || validRowsOnly)) {
      const writes = rows.filter((r) => r.outcome === 'CREATE' || r.outcome === 'UPDATE');
      if (writes.length > 0) {
        await handler.apply(ctx, writes, { actor: options.actor, requestId: options.requestId ?? null, operation: `import:${options.kind}` });
      }
      report.applied = true;
    }
    return report;
  };
  return manager.transaction((db) => run(db));
}
