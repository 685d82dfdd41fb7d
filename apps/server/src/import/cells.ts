import { INDUSTRY_NAMES, type ColumnSpec } from './columns.js';
import type { CellValue } from './read-file.js';

/**
 * One cell → the value of its column's type, or why not. Empty cells (and the placeholders
 * officials type for "nothing": -, —, /) are `undefined`: the row does not give that field.
 * Only the shape is judged here (is it a date, a whole number, a known label); ranges and rules
 * are the domain validators' (packages/domain validation*.ts).
 */

export interface CellProblem {
  readonly reason: string;
  readonly zh: string;
  readonly en: string;
}

export type Converted = { ok: true; value: unknown } | { ok: false; problem: CellProblem };

const PLACEHOLDERS = new Set(['-', '—', '--', '/', '／']);

/** Text that a spreadsheet program would run as a formula (CSV/DDE injection: =cmd|' /C calc'!A0). */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

const ok = (value: unknown): Converted => ({ ok: true, value });
const bad = (reason: string, zh: string, en: string): Converted => ({ ok: false, problem: { reason, zh, en } });

function isoOfDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function pad(n: string | number): string {
  return String(n).padStart(2, '0');
}

/** 1900 date system: day 1 is 1900-01-01, with Excel's phantom 1900-02-29 (hence 1899-12-30). */
function excelSerialToIso(serial: number): string {
  return isoOfDate(new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000));
}

export function convertCell(column: ColumnSpec, cell: CellValue): Converted {
  if (cell === null) return ok(undefined);
  if (typeof cell === 'object' && !(cell instanceof Date)) {
    return cell.kind === 'formula'
      ? bad('FORMULA_WITHOUT_VALUE', `“${column.header}”是没有计算结果的公式，请改为填写值`, `"${column.header}" is a formula without a computed value; type the value instead.`)
      : bad('CELL_ERROR', `“${column.header}”是错误值 ${cell.error}，请改为填写值`, `"${column.header}" holds the error ${cell.error}; type the value instead.`);
  }
  if (typeof cell === 'string') {
    const trimmed = cell.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
    if (trimmed === '' || PLACEHOLDERS.has(trimmed)) return ok(undefined);
  }
  switch (column.type) {
    case 'text':
    case 'multiline':
      return text(column, cell);
    case 'code':
      return code(column, cell);
    case 'integer':
      return integer(column, cell);
    case 'date':
      return date(column, cell);
    case 'yesNo':
      return yesNo(column, cell);
    case 'enum':
      return enumValue(column, cell);
    case 'industry':
      return industry(cell);
  }
}

function text(column: ColumnSpec, cell: string | number | boolean | Date): Converted {
  if (cell instanceof Date) return ok(isoOfDate(cell));
  if (typeof cell === 'number' || typeof cell === 'boolean') return ok(String(cell));
  const value = cell.replace(/^[ \u3000]+|[ \u3000]+$/g, '');
  if (looksLikeFormula(value)) {
    return bad(
      'FORMULA',
      `“${column.header}”以 = + - @ 或制表符开头，会被电子表格当作公式执行，不予导入`,
      `"${column.header}" starts with = + - @ or a tab, which a spreadsheet would run as a formula; it is not imported.`,
    );
  }
  return ok(column.type === 'multiline' ? value.replace(/\r\n/g, '\n') : value);
}

function code(column: ColumnSpec, cell: string | number | boolean | Date): Converted {
  if (typeof cell === 'number') {
    if (Number.isSafeInteger(cell)) return ok(String(cell));
    return bad(
      'NUMBER_PRECISION',
      `“${column.header}”被 Excel 存成了数字，已丢失末几位：请把该列设为“文本”格式后重新填写`,
      `"${column.header}" was stored by Excel as a number and lost its last digits: format the column as text and type it again.`,
    );
  }
  if (typeof cell !== 'string') return ok(String(cell));
  const value = cell.trim();
  if (/^[0-9](\.[0-9]+)?E\+[0-9]+$/i.test(value)) {
    return bad(
      'NUMBER_PRECISION',
      `“${column.header}”是科学计数法（${value.slice(0, 20)}），已丢失末几位：请把该列设为“文本”格式后重新填写`,
      `"${column.header}" is in scientific notation (${value.slice(0, 20)}) and lost its last digits: format the column as text and type it again.`,
    );
  }
  // A leading apostrophe is Excel's "this is text" mark when typed by hand.
  return ok(value.replace(/^'/, '').toUpperCase());
}

function integer(column: ColumnSpec, cell: string | number | boolean | Date): Converted {
  if (typeof cell === 'number') return ok(cell);
  if (typeof cell === 'string') {
    const value = cell.trim().replace(/[,，]/g, '');
    if (/^[+-]?[0-9]+$/.test(value)) return ok(Number(value));
    if (/^[+-]?[0-9]*\.[0-9]+$/.test(value)) return ok(Number(value)); // the domain refuses the fraction
  }
  return bad('NOT_INTEGER', `“${column.header}”应为整数`, `"${column.header}" must be a whole number.`);
}

function date(column: ColumnSpec, cell: string | number | boolean | Date): Converted {
  const invalid = () =>
    bad(
      'INVALID_DATE',
      `“${column.header}”不是有效日期，请按“年-月-日”填写，例如 2024-03-15`,
      `"${column.header}" is not a valid date; write it as YYYY-MM-DD, e.g. 2024-03-15.`,
    );
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? invalid() : ok(isoOfDate(cell));
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 1000_01_01 && cell <= 9999_12_31) {
      const s = String(cell);
      return ok(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`);
    }
    if (cell >= 1 && cell < 2_958_466) return ok(excelSerialToIso(cell));
    return invalid();
  }
  if (typeof cell !== 'string') return invalid();
  const value = cell.trim();
  let m = /^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]00:00(?::00)?)?$/.exec(value);
  if (m) return ok(`${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`);
  m = /^([0-9]{4})([0-9]{2})([0-9]{2})$/.exec(value);
  if (m) return ok(`${m[1]}-${m[2]}-${m[3]}`);
  // Not a date shape at all: handed on as is, the domain's date check refuses it (INVALID_DATE).
  return ok(value);
}

const YES = new Set(['是', 'Y', 'YES', 'TRUE', '1', '有', '已建', '已建立']);
const NO = new Set(['否', 'N', 'NO', 'FALSE', '0', '无', '没有', '未建', '未建立']);

function yesNo(column: ColumnSpec, cell: string | number | boolean | Date): Converted {
  if (typeof cell === 'boolean') return ok(cell);
  const value = String(cell).trim().toUpperCase();
  if (YES.has(value)) return ok(true);
  if (NO.has(value)) return ok(false);
  return bad('NOT_YES_NO', `“${column.header}”应填“是”或“否”`, `"${column.header}" must be 是 (yes) or 否 (no).`);
}

function enumValue(column: ColumnSpec, cell: string | number | boolean | Date): Converted {
  const value = String(cell).trim();
  const values = column.values ?? {};
  const found = values[value] ?? values[value.toUpperCase()];
  if (found !== undefined) return ok(found);
  const labels = [...new Set(Object.keys(values).filter((k) => /[^\x00-\x7f]/.test(k)))];
  return bad(
    'UNKNOWN_VALUE',
    `“${column.header}”应为 ${labels.map((l) => `“${l}”`).join('、')} 之一`,
    `"${column.header}" must be one of ${labels.join(', ')}.`,
  );
}

const INDUSTRY_BY_NAME = new Map(Object.entries(INDUSTRY_NAMES).map(([letter, name]) => [name, letter]));

function industry(cell: string | number | boolean | Date): Converted {
  const value = String(cell).trim();
  const byName = INDUSTRY_BY_NAME.get(value);
  if (byName) return ok(byName);
  // "C", "c", "C 制造业", "C-制造业", "C（制造业）"
  const m = /^([A-Za-z])(?:$|[\s\-—:：（(、.]+)/.exec(value);
  if (m) return ok(m[1]!.toUpperCase());
  return ok(value); // refused by the domain with its message (UNKNOWN_INDUSTRY)
}
