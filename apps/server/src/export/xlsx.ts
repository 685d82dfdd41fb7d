import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';

/**
 * Streaming .xlsx output: exceljs's WorkbookWriter writes each committed row to the stream and
 * forgets it, so an export of 60,000 organizations holds one batch of rows in memory, not the
 * sheet. Every text cell passes `safeText`: a value a spreadsheet would run as a formula
 * (=cmd|' /C calc'!A0, +…, -…, @…, or a leading tab / carriage return) gets a leading
 * apostrophe, the OWASP advice against CSV/formula injection, so that neither Excel nor a
 * CSV saved from the file will execute it.
 */

export type XlsxValue = string | number | boolean | Date | null | undefined;

export function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A stored 'YYYY-MM-DD' as an Excel date (UTC midnight, so it reads back as the same day). */
export function excelDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  return new Date(`${iso}T00:00:00Z`);
}

export function safeValue(value: XlsxValue): XlsxValue {
  return typeof value === 'string' ? safeText(value) : value;
}

export interface SheetColumn {
  readonly header: string;
  readonly width?: number;
  /** 'date' cells get yyyy-mm-dd; 'text' cells the text format (@), so Excel keeps long codes whole. */
  readonly format?: 'date' | 'text';
}

export interface StreamedSheet {
  add(values: readonly XlsxValue[]): void;
  done(): void;
}

export class StreamedWorkbook {
  private readonly writer: ExcelJS.stream.xlsx.WorkbookWriter;

  constructor(stream: Writable) {
    this.writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    this.writer.creator = 'Liangxin';
  }

  sheet(name: string, columns: readonly SheetColumn[], options: { note?: string } = {}): StreamedSheet {
    const ws = this.writer.addWorksheet(name, { views: [{ state: 'frozen', ySplit: options.note ? 2 : 1 }] });
    ws.columns = columns.map((c) => ({
      width: c.width ?? Math.max(10, c.header.length * 2 + 2),
      style: c.format === 'date' ? { numFmt: 'yyyy-mm-dd' } : c.format === 'text' ? { numFmt: '@' } : {},
    }));
    if (options.note) {
      const note = ws.addRow([options.note]);
      note.font = { italic: true, color: { argb: 'FF666666' } };
      note.commit();
    }
    const header = ws.addRow(columns.map((c) => c.header));
    header.font = { bold: true };
    header.commit();
    return {
      add: (values) => ws.addRow(values.map((v) => safeValue(v) ?? null)).commit(),
      done: () => ws.commit(),
    };
  }

  /** Finishes the file (the stream ends). */
  async commit(): Promise<void> {
    await this.writer.commit();
  }
}
