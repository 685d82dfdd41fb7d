import type { GateSource, ImportKind } from './columns.js';

/**
 * The per-row report every import returns, dry run or not (docs/import-guide.md). Rows are
 * named as the spreadsheet shows them: `row` is the row number in the sheet (the header is
 * usually row 1, so the first data row is 2), `column` the header as the file spells it, and
 * `path` the same as ['rows', row, column]. Keys of personal records are masked.
 */

export type RowOutcome = 'CREATE' | 'UPDATE' | 'UNCHANGED' | 'REFUSED';

export interface RowIssue {
  readonly code: 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT';
  readonly reason: string;
  readonly row: number;
  /** The header of the column at fault; null when the row as a whole is. */
  readonly column: string | null;
  readonly path: (string | number)[];
  readonly message: string;
  readonly messageZh: string;
}

export interface RowReport {
  readonly row: number;
  /** The row's natural key as shown to people (masked for members and instructors). */
  readonly key: string | null;
  outcome: RowOutcome;
  /** For UPDATE: the headers of the columns whose stored value changes. */
  changes?: string[];
  issues?: RowIssue[];
}

export interface ImportReport {
  readonly kind: ImportKind;
  readonly dryRun: boolean;
  readonly validRowsOnly: boolean;
  readonly source: GateSource | null;
  /** True when the valid rows were written (a real run that was not refused). */
  applied: boolean;
  readonly file: {
    readonly format: 'xlsx' | 'csv';
    readonly encoding: string | null;
    readonly sheet: string | null;
    readonly headerRow: number;
    readonly columns: string[];
    readonly ignoredColumns: string[];
  };
  summary: { rows: number; created: number; updated: number; unchanged: number; refused: number };
  rows: RowReport[];
}

export function rowIssue(
  row: number,
  column: string | null,
  code: RowIssue['code'],
  reason: string,
  zh: string,
  en: string,
): RowIssue {
  return { code, reason, row, column, path: column === null ? ['rows', row] : ['rows', row, column], message: en, messageZh: zh };
}

/** A plain-text rendering of the report for the CLI: a summary, then one line per row that is not unchanged. */
export function formatReport(report: ImportReport): string {
  const s = report.summary;
  const lines = [
    `${report.kind}: ${s.rows} rows — ${s.created} to create, ${s.updated} to update, ${s.unchanged} unchanged, ${s.refused} refused` +
      ` (${report.dryRun ? 'dry run: nothing written' : report.applied ? 'applied' : 'refused: nothing written'})`,
    `file: ${report.file.format}${report.file.encoding ? ` ${report.file.encoding}` : ''}${report.file.sheet ? ` sheet "${report.file.sheet}"` : ''}, header on row ${report.file.headerRow}` +
      (report.file.ignoredColumns.length ? `, ignored columns: ${report.file.ignoredColumns.join(', ')}` : ''),
  ];
  for (const row of report.rows) {
    if (row.outcome === 'UNCHANGED') continue;
    const head = `row ${String(row.row).padStart(5)}  ${row.outcome.padEnd(9)} ${row.key ?? ''}`;
    if (row.outcome === 'UPDATE') lines.push(`${head}  (${row.changes?.join('、')})`);
    else lines.push(head);
    for (const issue of row.issues ?? []) {
      lines.push(`           ${issue.code} ${issue.reason}${issue.column ? ` [${issue.column}]` : ''}: ${issue.messageZh} / ${issue.message}`);
    }
  }
  return lines.join('\n');
}
