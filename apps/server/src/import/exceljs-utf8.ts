import ExcelJS from 'exceljs';

/**
 * A fix for exceljs 4.4.0's streaming reader, applied once when the importer loads: its XML
 * parser (lib/utils/parse-sax.js) decodes every chunk of a zip entry to text on its own, so a
 * Chinese character (3 bytes in UTF-8) that straddles two chunks becomes "���" — one cell in
 * tens of thousands, silently. Here the worksheet and shared-string entries are decoded as one
 * UTF-8 stream before the parser sees them (strings pass through its decoder untouched).
 * Covered by "reads 60,000 Chinese cells of an .xlsx without a broken character" in
 * import.test.ts; remove when exceljs decodes with { stream: true } itself.
 */

async function* utf8(iterable: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of iterable) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

interface ReaderInternals {
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  __utf8Fixed?: boolean;
}

const proto = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as ReaderInternals;
if (!proto.__utf8Fixed) {
  const parseWorksheet = proto._parseWorksheet;
  const parseSharedStrings = proto._parseSharedStrings;
  proto._parseWorksheet = function (iterator, sheetNo) {
    return parseWorksheet.call(this, utf8(iterator), sheetNo);
  };
  proto._parseSharedStrings = function (entry) {
    entry.setEncoding('utf8');
    return parseSharedStrings.call(this, entry);
  };
  proto.__utf8Fixed = true;
}

export default ExcelJS;
