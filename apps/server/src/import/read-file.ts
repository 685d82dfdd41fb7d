import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from './exceljs-utf8.js';
import { Readable } from 'node:stream';
import { ImportFileError } from './errors.js';

/**
 * Reads an uploaded file into rows of cells, whatever officials save: an .xlsx workbook (its
 * first worksheet, read with exceljs's streaming reader so a 60,000-row sheet is never a tree of
 * cell objects in memory at once) or a CSV in UTF-8 (with or without BOM), GB 18030 / GBK (what
 * Chinese Excel writes by "CSV"), or UTF-16 with BOM ("Unicode text", tab-separated). Anything
 * else — a legacy .xls, a Word file, a PDF, an HTML table, an empty file — is refused as a whole
 * with a message that says what to do.
 */

/** A cell as read: a formula cell is its cached result; markers for what cannot be a value. */
export type CellValue = string | number | boolean | Date | null | FormulaWithoutValue | CellError;
export interface FormulaWithoutValue {
  readonly kind: 'formula';
}
export interface CellError {
  readonly kind: 'error';
  readonly error: string;
}

export interface TableRow {
  /** The row's number as the spreadsheet shows it (1-based; the CSV record number). */
  readonly number: number;
  readonly cells: CellValue[];
}

export interface Table {
  readonly format: 'xlsx' | 'csv';
  /** For CSV: the character encoding detected; null for xlsx. */
  readonly encoding: string | null;
  /** For xlsx: the worksheet read. */
  readonly sheet: string | null;
  readonly rows: TableRow[];
}

/** A file larger than this is refused before reading (the HTTP body limit is the same). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Data rows per file. More is refused as a whole: split the file. */
export const MAX_DATA_ROWS = 100_000;

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export async function readTable(file: Buffer): Promise<Table> {
  if (file.length === 0 || (file.length <= 4 && file.toString('latin1').trim() === '')) {
    throw new ImportFileError('EMPTY_FILE', '文件是空的', 'The file is empty.');
  }
  if (file.length > MAX_FILE_BYTES) {
    throw new ImportFileError('FILE_TOO_LARGE', `文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MB，请拆分后导入`, `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; split it.`, 413);
  }
  if (file.subarray(0, 4).equals(ZIP)) return readXlsx(file);
  if (file.subarray(0, 8).equals(OLE)) {
    throw new ImportFileError(
      'UNSUPPORTED_FORMAT',
      '这是旧版 Excel（.xls）或其他 Office 97-2003 文件，请在 Excel 中“另存为” .xlsx 或 CSV 后再导入',
      'This is a legacy Excel (.xls) or other Office 97-2003 file: save it as .xlsx or CSV in Excel, then import that.',
    );
  }
  return readCsv(file);
}

function notASpreadsheet(what: { zh: string; en: string }): ImportFileError {
  return new ImportFileError(
    'NOT_A_SPREADSHEET',
    `文件不是电子表格（${what.zh}）：请上传 .xlsx 或 CSV 文件`,
    `The file is not a spreadsheet (${what.en}): upload an .xlsx or CSV file.`,
  );
}

async function readXlsx(file: Buffer): Promise<Table> {
  // A zip's local headers carry the entry names in clear: a workbook has xl/workbook.xml.
  if (!file.includes('xl/workbook.xml') && !file.includes('xl/worksheets/')) {
    throw notASpreadsheet({ zh: '是压缩包，但不是 Excel 工作簿', en: 'a zip archive, but not an Excel workbook' });
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(file), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles are not read (they cost a third of the time): a date cell then reads as its serial
    // number, which the date columns convert (cells.ts), so dates still come out right.
    styles: 'ignore',
    entries: 'emit',
  });
  const rows: TableRow[] = [];
  let sheet: string | null = null;
  try {
    for await (const worksheet of reader) {
      const ws = worksheet as unknown as AsyncIterable<ExcelJS.Row> & { name?: string };
      sheet = ws.name ?? 'Sheet1';
      for await (const row of ws) {
        const values = row.values as unknown[];
        const cells: CellValue[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellValue(values[i]));
        rows.push({ number: row.number, cells });
        if (rows.length > MAX_DATA_ROWS + 20) break;
      }
      break; // the first worksheet only
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw notASpreadsheet({ zh: '工作簿已损坏或无法读取', en: 'the workbook is damaged or unreadable' });
  }
  if (sheet === null) throw new ImportFileError('EMPTY_SHEET', '工作簿中没有工作表', 'The workbook has no worksheet.');
  return { format: 'xlsx', encoding: null, sheet, rows };
}

/** exceljs cell values → plain values. */
export function cellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('formula' in v || 'sharedFormula' in v) {
      return v.result === undefined || v.result === null ? { kind: 'formula' } : cellValue(v.result);
    }
    if ('error' in v) return { kind: 'error', error: String(v.error) };
    if (typeof v.text === 'string') return v.text;
    if (v.text && typeof v.text === 'object') return cellValue(v.text);
  }
  return String(value);
}

function decode(file: Buffer): { text: string; encoding: string } {
  if (file[0] === 0xef && file[1] === 0xbb && file[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(file.subarray(3)), encoding: 'UTF-8 (BOM)' };
  }
  if (file[0] === 0xff && file[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(file.subarray(2)), encoding: 'UTF-16LE' };
  if (file[0] === 0xfe && file[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(file.subarray(2)), encoding: 'UTF-16BE' };
  const head = file.subarray(0, 8192);
  if (head.includes(0)) throw notASpreadsheet({ zh: '是二进制文件', en: 'a binary file' });
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(file), encoding: 'UTF-8' };
  } catch {
    // Not UTF-8: Chinese Excel's "CSV" is GBK, of which GB 18030 is the superset.
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(file), encoding: 'GB18030' };
  } catch {
    throw new ImportFileError(
      'ENCODING',
      '无法识别文件的字符编码：请另存为“CSV UTF-8（逗号分隔）”或 .xlsx',
      'The character encoding of the file is neither UTF-8 nor GBK/GB 18030: save it as "CSV UTF-8" or .xlsx.',
    );
  }
}

function readCsv(file: Buffer): Table {
  const { text, encoding } = decode(file);
  const trimmed = text.trimStart();
  if (trimmed === '') throw new ImportFileError('EMPTY_FILE', '文件是空的', 'The file is empty.');
  if (trimmed.startsWith('<') || trimmed.startsWith('%PDF') || trimmed.startsWith('{') || trimmed.startsWith('[')) {
    throw notASpreadsheet({ zh: '是网页、PDF 或 JSON 文本', en: 'HTML, PDF or JSON text' });
  }
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [',', '\t', ';'].map((d) => ({ d, n: firstLine.split(d).length })).sort((a, b) => b.n - a.n)[0]!.d;
  let records: string[][];
  try {
    records = parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new ImportFileError(
      'CSV_SYNTAX',
      `CSV 格式有误${line ? `（约第 ${line} 行）` : ''}：可能有未闭合的引号`,
      `The CSV cannot be read${line ? ` (near line ${line})` : ''}: probably an unclosed quote.`,
    );
  }
  const rows: TableRow[] = records.map((record, i) => ({ number: i + 1, cells: record.map((c) => (c === '' ? null : c)) }));
  return { format: 'csv', encoding, sheet: null, rows };
}
