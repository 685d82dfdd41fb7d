import type { Writable } from 'node:stream';
import { StreamedWorkbook } from '../export/xlsx.js';
import { COLUMNS, GATE_LABELS, KIND_LABELS, type ImportKind } from './columns.js';

/**
 * The downloadable blank template of a kind: sheet 1 holds the header row the parser expects
 * (from the same column list, columns.ts), sheet 2 explains every column. The importer reads the
 * first sheet only, so the notes never become data.
 */
export async function writeTemplate(kind: ImportKind, out: Writable): Promise<void> {
  const columns = COLUMNS[kind].filter((c) => !c.exportOnly);
  const label = KIND_LABELS[kind];
  const book = new StreamedWorkbook(out);
  const sheet = book.sheet(
    `${label.zh}导入`.replace(/[\\/?*[\]:]/g, ''),
    columns.map((c) => ({ header: c.header, width: c.width, format: c.type === 'date' ? 'date' : c.type === 'code' ? 'text' : undefined })),
  );
  sheet.done();
  const notes = book.sheet('填写说明', [
    { header: '列名', width: 24 },
    { header: '是否必填', width: 10 },
    { header: '格式', width: 36 },
    { header: '示例', width: 24 },
    { header: '说明', width: 70 },
    { header: '也可写作', width: 30 },
  ]);
  for (const c of columns) {
    notes.add([c.header, c.required ? '必填' : c.gate ? '三个同步时必填' : '选填', c.format, c.example, c.note, (c.aliases ?? []).join('、')]);
  }
  notes.add([]);
  notes.add(['唯一标识', '', label.natural, '', '已存在的记录被更新，不存在的被新增；同一文件中同一记录只能出现一次。', '']);
  notes.add(['空单元格', '', '', '', '新增时取默认值（空）；更新时保留平台中的原值。“-”“/”视同空。', '']);
  if (kind === 'organizations') {
    notes.add([
      '三个同步',
      '',
      Object.values(GATE_LABELS).join('、'),
      '',
      '以“三个同步”来源导入（source=REGISTRATION、ANNUAL_REVIEW 或 EVALUATION）时，“党员人数”“是否建立党组织”两列必须存在且每行必填。',
      '',
    ]);
  }
  notes.add(['导入说明', '', 'docs/import-guide.md', '', '只读取第一个工作表；表头须在前10行内；表头上方可有标题行。', '']);
  notes.done();
  await book.commit();
}
