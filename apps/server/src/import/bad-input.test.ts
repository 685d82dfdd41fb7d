import type { TestDatabase } from '@liangxin/db';
import { addDays, todayInShanghai } from '@liangxin/domain';
import ExcelJS from 'exceljs';
import { pino } from 'pino';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODES, testDatabase } from '../../test/helpers.js';
import { createDataSource } from '../db/data-source.js';
import type { ImportKind } from './columns.js';
import { ImportFileError } from './errors.js';
import { csv, fingerprint, idNumber, insertImportFixture, ORG_HEADERS, orgCode, orgRow, xlsx } from './import-fixture.js';
import { runImport } from './importer.js';

/**
 * The importer's bad-input corpus: every case is a real (not dry) run of a file holding one
 * good row and one bad one, and asserts the refusal — its code and reason, its row and column
 * (path ['rows', row, column]), a message in both languages — and that no row in the database
 * changed (counts, version sums, a digest of the organizations, the audit trail's length).
 * File-level cases assert the whole-file refusal instead.
 */

let db: TestDatabase;
let dataSource: DataSource;

beforeAll(async () => {
  db = await testDatabase();
  await insertImportFixture(db.url);
  dataSource = createDataSource({ url: db.url, logger: pino({ level: 'silent' }) }).dataSource;
  await dataSource.initialize();
});
afterAll(async () => {
  await dataSource?.destroy();
  await db?.drop();
});

const tomorrow = addDays(todayInShanghai(), 1);

interface RowCase {
  name: string;
  kind?: ImportKind;
  source?: 'REGISTRATION' | 'ANNUAL_REVIEW' | 'EVALUATION';
  file: () => Buffer | Promise<Buffer>;
  /** The refused row (3: the good row is 2) and column. */
  row?: number;
  column: string | null;
  code?: 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT';
  reason: string;
  /** A piece of the Chinese message. */
  zh?: string;
}

/** One good organization row (row 2) and the bad one (row 3). */
const org = (overrides: Record<string, string | number | undefined>, headers = ORG_HEADERS) => () => csv(headers, [orgRow(900), orgRow(901, overrides)]);
const code = (value: string) => org({ 统一社会信用代码: value });

const yCode = orgCode(77, 'Y', '1');
const institutional = orgCode(78, '1', '1');
const goodCode = orgCode(901);
const sub = (s: string, i: number, ch: string) => s.slice(0, i) + ch + s.slice(i + 1);

const ORG_CASES: RowCase[] = [
  { name: 'empty credit code', file: code(''), column: '统一社会信用代码', reason: 'REQUIRED' },
  { name: 'code of 17 characters', file: code(goodCode.slice(0, 17)), column: '统一社会信用代码', reason: 'LENGTH', zh: '18位' },
  { name: 'code of 19 characters', file: code(`${goodCode}1`), column: '统一社会信用代码', reason: 'LENGTH' },
  { name: 'letter I in the code', file: code(sub(goodCode, 10, 'I')), column: '统一社会信用代码', reason: 'ILLEGAL_CHARACTER', zh: '第11位' },
  { name: 'letter O in the code', file: code(sub(goodCode, 12, 'O')), column: '统一社会信用代码', reason: 'ILLEGAL_CHARACTER' },
  { name: 'full-width digit in the code', file: code(sub(goodCode, 5, '１')), column: '统一社会信用代码', reason: 'ILLEGAL_CHARACTER', zh: '全角' },
  { name: 'space inside the code', file: code(sub(goodCode, 9, ' ')), column: '统一社会信用代码', reason: 'ILLEGAL_CHARACTER' },
  { name: 'unknown registration authority', file: code(sub(goodCode, 0, '2')), column: '统一社会信用代码', reason: 'UNKNOWN_AUTHORITY' },
  { name: 'unknown category of market regulation', file: code(sub(goodCode, 1, '4')), column: '统一社会信用代码', reason: 'UNKNOWN_CATEGORY' },
  { name: 'letter in the division code', file: code(sub(goodCode, 4, 'A')), column: '统一社会信用代码', reason: 'DIVISION_CODE' },
  { name: 'wrong organization-code check (17)', file: code(sub(goodCode, 16, goodCode[16] === '0' ? '1' : '0')), column: '统一社会信用代码', reason: 'ORGANIZATION_CODE_CHECK', zh: '第17位' },
  { name: 'wrong check digit (18)', file: code(sub(goodCode, 17, goodCode[17] === '0' ? '1' : '0')), column: '统一社会信用代码', reason: 'CHECK_DIGIT', zh: '第18位' },
  { name: 'unknown area code in the credit code', file: code(orgCode(79, '9', '1', '990102')), column: '统一社会信用代码', reason: 'UNKNOWN_DIVISION' },
  { name: 'institutional code is not two-new', file: code(institutional), column: '统一社会信用代码', reason: 'NOT_TWO_NEW' },
  { name: 'category against the code', file: org({ 组织类别: '社会组织' }, [...ORG_HEADERS, '组织类别']), column: '组织类别', reason: 'CATEGORY_MISMATCH' },
  { name: 'Y code without category', file: code(yCode), column: '组织类别', reason: 'CATEGORY_REQUIRED' },
  { name: 'unknown category label', file: org({ 组织类别: '国有企业' }, [...ORG_HEADERS, '组织类别']), column: '组织类别', reason: 'UNKNOWN_VALUE' },
  { name: 'code mangled into scientific notation', file: code('9.13701E+17'), column: '统一社会信用代码', reason: 'NUMBER_PRECISION', zh: '文本' },
  { name: 'SQL injection in the code', file: code(`'; DROP TABLE organization; --`), column: '统一社会信用代码', reason: 'LENGTH' },
  { name: 'SQL injection of 18 characters', file: code(`1' OR '1'='1' --XY`), column: '统一社会信用代码', reason: 'ILLEGAL_CHARACTER' },
  { name: 'empty name', file: org({ 组织名称: '' }), column: '组织名称', reason: 'REQUIRED' },
  { name: 'name of 201 characters', file: org({ 组织名称: '企'.repeat(201) }), column: '组织名称', reason: 'TOO_LONG', zh: '最多200' },
  { name: 'huge string (200,000 characters)', file: org({ 组织名称: 'x'.repeat(200_000) }), column: '组织名称', reason: 'TOO_LONG' },
  { name: 'DDE formula injection =cmd|', file: org({ 组织名称: `=cmd|' /C calc'!A0` }), column: '组织名称', reason: 'FORMULA', zh: '公式' },
  { name: 'formula injection +', file: org({ 组织名称: '+SUM(1,2)' }), column: '组织名称', reason: 'FORMULA' },
  { name: 'formula injection @', file: org({ 组织名称: '@SUM(A1)' }), column: '组织名称', reason: 'FORMULA' },
  { name: 'formula injection -', file: org({ 组织名称: `-2+3+cmd|' /C calc'!A0` }), column: '组织名称', reason: 'FORMULA' },
  { name: 'formula injection in the address', file: org({ 地址: '=HYPERLINK("http://x","y")' }, [...ORG_HEADERS, '地址']), column: '地址', reason: 'FORMULA' },
  { name: 'control character in the name', file: org({ 组织名称: '济南\u0007公司' }), column: '组织名称', reason: 'CONTROL_CHARACTER' },
  { name: 'bidirectional override in the name', file: org({ 组织名称: '济南\u202e司公' }), column: '组织名称', reason: 'CONTROL_CHARACTER' },
  { name: 'unknown industry letter', file: org({ 所属行业: 'Z' }), column: '所属行业', reason: 'UNKNOWN_INDUSTRY' },
  { name: 'unknown industry name', file: org({ 所属行业: '软件' }), column: '所属行业', reason: 'UNKNOWN_INDUSTRY' },
  { name: 'negative employees', file: org({ 从业人员数: -1 }), column: '从业人员数', reason: 'OUT_OF_RANGE' },
  { name: 'absurd employees', file: org({ 从业人员数: 1_000_001 }), column: '从业人员数', reason: 'OUT_OF_RANGE', zh: '1,000,000' },
  { name: 'fractional employees', file: org({ 从业人员数: '12.5' }), column: '从业人员数', reason: 'NOT_INTEGER' },
  { name: 'employees as words', file: org({ 从业人员数: '二十' }), column: '从业人员数', reason: 'NOT_INTEGER' },
  { name: 'employees with a unit', file: org({ 从业人员数: '12人' }), column: '从业人员数', reason: 'NOT_INTEGER' },
  { name: 'impossible date', file: org({ 登记日期: '2019-02-30' }), column: '登记日期', reason: 'INVALID_DATE' },
  { name: 'date as words', file: org({ 登记日期: '去年' }), column: '登记日期', reason: 'INVALID_DATE' },
  { name: 'registration in the future', file: org({ 登记日期: tomorrow }), column: '登记日期', reason: 'FUTURE_DATE' },
  { name: 'registration year typo', file: org({ 登记日期: '0201-05-01' }), column: '登记日期', reason: 'TOO_EARLY' },
  { name: 'deregistered before registered', file: org({ 注销日期: '2019-01-01' }, [...ORG_HEADERS, '注销日期']), column: '注销日期', reason: 'DATES_OUT_OF_ORDER' },
  { name: 'deregistration in the future', file: org({ 注销日期: tomorrow }, [...ORG_HEADERS, '注销日期']), column: '注销日期', reason: 'FUTURE_DATE' },
  { name: 'unknown street code', file: org({ 所在街道: '370102999' }), column: '所在街道', code: 'NOT_FOUND', reason: 'UNKNOWN_AREA' },
  { name: 'unknown street name', file: org({ 所在街道: '不存在街道' }), column: '所在街道', code: 'NOT_FOUND', reason: 'UNKNOWN_AREA' },
  { name: 'street name shared by two streets', file: org({ 所在街道: '解放路街道' }), column: '所在街道', code: 'CONFLICT', reason: 'AMBIGUOUS', zh: '代码' },
  { name: 'unknown park', file: org({ 所在园区: '不存在园区' }), column: '所在园区', code: 'NOT_FOUND', reason: 'UNKNOWN_PARK' },
  { name: 'unknown building', file: org({ 所在楼宇: '不存在大厦' }), column: '所在楼宇', code: 'NOT_FOUND', reason: 'UNKNOWN_BUILDING' },
  { name: 'unknown business district', file: org({ 所在商圈: '不存在商圈' }), column: '所在商圈', code: 'NOT_FOUND', reason: 'UNKNOWN_BUSINESS_DISTRICT' },
  { name: 'yes/no as maybe', file: org({ 是否重点组织: '也许' }), column: '是否重点组织', reason: 'NOT_YES_NO' },
  { name: 'negative declared members', file: org({ 党员人数: -3 }), column: '党员人数', reason: 'OUT_OF_RANGE' },
  { name: 'gate: members missing at registration', source: 'REGISTRATION', file: org({ 党员人数: '' }), column: '党员人数', reason: 'REQUIRED_AT_GATE', zh: '三个同步' },
  { name: 'gate: Party organization missing at annual review', source: 'ANNUAL_REVIEW', file: org({ 是否建立党组织: '' }), column: '是否建立党组织', reason: 'REQUIRED_AT_GATE' },
  { name: 'gate: members missing at evaluation', source: 'EVALUATION', file: org({ 党员人数: '-' }), column: '党员人数', reason: 'REQUIRED_AT_GATE' },
  { name: 'duplicate code in one file', file: () => csv(ORG_HEADERS, [orgRow(900), orgRow(901), orgRow(901, { 组织名称: '另一个名称' })]), row: 3, column: '统一社会信用代码', code: 'CONFLICT', reason: 'DUPLICATE_IN_FILE', zh: '第 3、4 行' },
  { name: 'duplicate code differing in case and spaces', file: () => csv(ORG_HEADERS, [orgRow(900), orgRow(901), orgRow(901, { 统一社会信用代码: ` ${goodCode.toLowerCase()} ` })]), row: 4, column: '统一社会信用代码', code: 'CONFLICT', reason: 'DUPLICATE_IN_FILE' },
  { name: 'xlsx: formula without a cached value', file: () => xlsx(ORG_HEADERS, [orgRowCells(900), orgRowCells(901, { 从业人员数: { formula: 'A1*2' } })]), column: '从业人员数', reason: 'FORMULA_WITHOUT_VALUE' },
  { name: 'xlsx: error cell', file: () => xlsx(ORG_HEADERS, [orgRowCells(900), orgRowCells(901, { 登记日期: { error: '#N/A' } })]), column: '登记日期', reason: 'CELL_ERROR' },
  { name: 'xlsx: credit code stored as a number', file: () => xlsx(ORG_HEADERS, [orgRowCells(900), orgRowCells(901, { 统一社会信用代码: 913701021234567890 })]), column: '统一社会信用代码', reason: 'NUMBER_PRECISION' },
  { name: 'xlsx: boolean where a date belongs', file: () => xlsx(ORG_HEADERS, [orgRowCells(900), orgRowCells(901, { 登记日期: true })]), column: '登记日期', reason: 'INVALID_DATE' },
];

function orgRowCells(n: number, overrides: Record<string, unknown> = {}): unknown[] {
  const row = { ...orgRow(n), ...overrides } as Record<string, unknown>;
  return ORG_HEADERS.map((h) => row[h]);
}

const MEMBER_HEADERS = ['公民身份号码', '姓名', '性别', '出生日期', '联系电话', '工作单位统一社会信用代码', '入职日期', '发展阶段', '申请入党日期', '确定积极分子日期', '确定发展对象日期', '接收预备党员日期', '转正日期', '组织关系所在', '所在台账', '台账所在区划', '纳入台账日期', '转接日期'];
const memberRow = (n: number, o: Record<string, string> = {}) => ({
  公民身份号码: idNumber(n),
  姓名: '李四',
  性别: '女',
  出生日期: '1990-01-01',
  联系电话: '13800000000',
  工作单位统一社会信用代码: CODES.enterprise,
  入职日期: '2018-01-01',
  发展阶段: '正式党员',
  申请入党日期: '2012-03-01',
  确定积极分子日期: '2012-09-01',
  确定发展对象日期: '2013-09-01',
  接收预备党员日期: '2014-07-01',
  转正日期: '2015-07-01',
  组织关系所在: '市人事代理党委',
  所在台账: '市人事代理党委',
  纳入台账日期: '2016-01-01',
  ...o,
});
const member = (o: Record<string, string>) => () => csv(MEMBER_HEADERS, [memberRow(900), memberRow(901, o)]);
const applicant = { 发展阶段: '入党申请人', 确定积极分子日期: '', 确定发展对象日期: '', 接收预备党员日期: '', 转正日期: '', 组织关系所在: '无', 所在台账: '', 纳入台账日期: '' };

const MEMBER_CASES: RowCase[] = ([
  { name: 'identity number check digit', file: member({ 公民身份号码: sub(idNumber(901), 17, idNumber(901)[17] === '0' ? '1' : '0') }), column: '公民身份号码', reason: 'CHECK_DIGIT' },
  { name: 'identity number of 17 digits', file: member({ 公民身份号码: idNumber(901).slice(0, 17) }), column: '公民身份号码', reason: 'ID_NUMBER_FORMAT' },
  { name: 'identity number with an impossible birth date', file: member({ 公民身份号码: '370102199013400010' }), column: '公民身份号码', reason: 'ID_NUMBER_BIRTH_DATE' },
  { name: 'birth date against the identity number', file: member({ 出生日期: '1991-01-01' }), column: '出生日期', reason: 'BIRTH_DATE_MISMATCH' },
  { name: 'unknown employer', file: member({ 工作单位统一社会信用代码: orgCode(999) }), column: '工作单位统一社会信用代码', code: 'NOT_FOUND', reason: 'UNKNOWN_ORGANIZATION', zh: '先导入组织' },
  { name: 'full member without the date of full membership', file: member({ 转正日期: '' }), column: '转正日期', reason: 'STAGE_DATE_REQUIRED' },
  { name: 'stage dates out of order', file: member({ 确定发展对象日期: '2012-01-01' }), column: '确定发展对象日期', reason: 'DATES_OUT_OF_ORDER' },
  { name: 'unknown gender', file: member({ 性别: '未知' }), column: '性别', reason: 'UNKNOWN_VALUE' },
  { name: 'unknown stage', file: member({ 发展阶段: '群众' }), column: '发展阶段', reason: 'UNKNOWN_VALUE' },
  { name: 'applicant with a relation in a ledger', file: member({ ...applicant, 组织关系所在: '市人事代理党委' }), column: '组织关系所在', reason: 'RELATION_NOT_MEMBER' },
  { name: 'talent-centre ledger without its district', file: member({ 组织关系所在: '区县人才服务中心', 所在台账: '区县人才服务中心' }), column: '台账所在区划', reason: 'REQUIRED' },
  { name: 'ledger area unknown', file: member({ 组织关系所在: '社区', 所在台账: '社区', 台账所在区划: '370102001999' }), column: '台账所在区划', code: 'NOT_FOUND', reason: 'UNKNOWN_AREA' },
  { name: 'transfer date without a transfer', file: member({ 转接日期: '2020-01-01' }), column: '转接日期', reason: 'TRANSFER_WITHOUT_LEDGER' },
  { name: 'phone with letters', file: member({ 联系电话: 'call me' }), column: '联系电话', reason: 'PHONE' },
  { name: 'applied before 18', file: member({ ...applicant, 申请入党日期: '2005-01-01' }), column: '申请入党日期', reason: 'TOO_YOUNG' },
  { name: 'stage date in the future', file: member({ ...applicant, 申请入党日期: tomorrow }), column: '申请入党日期', reason: 'FUTURE_DATE' },
  { name: 'duplicate identity number in one file', file: () => csv(MEMBER_HEADERS, [memberRow(900), memberRow(901), memberRow(901)]), column: '公民身份号码', code: 'CONFLICT', reason: 'DUPLICATE_IN_FILE' },
  { name: 'stage backward against the database', file: member({ 公民身份号码: idNumber(500), ...applicant }), column: '发展阶段', code: 'CONFLICT', reason: 'STAGE_BACKWARD' },
] as RowCase[]).map((c) => ({ ...c, kind: 'members' as const }));

const INSTRUCTOR_HEADERS = ['姓名', '联系电话', '所属人才库', '入库日期', '出库日期', '指导组织统一社会信用代码', '派驻日期'];
const instructorRow = (n: number, o: Record<string, string> = {}) => ({ 姓名: `吴指导${n}`, 联系电话: `1370000${String(n).padStart(4, '0')}`, 所属人才库: '370102', 入库日期: '2021-01-01', ...o });
const instructor = (o: Record<string, string>) => () => csv(INSTRUCTOR_HEADERS, [instructorRow(900), instructorRow(901, o)]);

const INSTRUCTOR_CASES: RowCase[] = ([
  { name: 'left the pool before joining', file: instructor({ 出库日期: '2020-01-01' }), column: '出库日期', reason: 'DATES_OUT_OF_ORDER' },
  { name: 'phone missing', file: instructor({ 联系电话: '' }), column: '联系电话', reason: 'REQUIRED' },
  { name: 'unknown talent pool', file: instructor({ 所属人才库: '不存在区' }), column: '所属人才库', code: 'NOT_FOUND', reason: 'UNKNOWN_AREA' },
  { name: 'two instructors of that name and phone in the database', file: instructor({ 姓名: '孙重名', 联系电话: '13900000002' }), column: '姓名', code: 'CONFLICT', reason: 'AMBIGUOUS' },
  { name: 'assignment to an unknown organization', file: instructor({ 指导组织统一社会信用代码: orgCode(998), 派驻日期: '2021-02-01' }), column: '指导组织统一社会信用代码', code: 'NOT_FOUND', reason: 'UNKNOWN_ORGANIZATION' },
  { name: 'assignment without its date', file: instructor({ 指导组织统一社会信用代码: CODES.enterprise }), column: '派驻日期', reason: 'REQUIRED' },
] as RowCase[]).map((c) => ({ ...c, kind: 'instructors' as const }));

const VISIT_HEADERS = ['统一社会信用代码', '联系点类型', '责任主体', '走访日期', '走访人', '出资人建党意愿', '反映问题'];
const visitRow = (o: Record<string, string> = {}) => ({ 统一社会信用代码: CODES.enterprise, 联系点类型: '街道工作组专包', 走访日期: '2024-06-01', 走访人: '赵工作', 出资人建党意愿: '愿意', ...o });
const visit = (o: Record<string, string>) => () => csv(VISIT_HEADERS, [visitRow(), visitRow({ 走访日期: '2024-06-02', ...o })]);

const VISIT_CASES: RowCase[] = ([
  { name: 'visit in the future', file: visit({ 走访日期: tomorrow }), column: '走访日期', reason: 'FUTURE_DATE' },
  { name: 'no liaison point of that kind', file: visit({ 联系点类型: '直接联系点' }), column: '联系点类型', code: 'NOT_FOUND', reason: 'NO_LIAISON_POINT' },
  { name: 'visit before the liaison point began', file: visit({ 走访日期: '2019-06-01' }), column: '联系点类型', code: 'NOT_FOUND', reason: 'NO_LIAISON_POINT' },
  { name: 'responsible body unknown', file: visit({ 责任主体: '不存在的人' }), column: '责任主体', code: 'NOT_FOUND', reason: 'NO_LIAISON_POINT' },
  { name: 'unknown liaison kind', file: visit({ 联系点类型: '上门' }), column: '联系点类型', reason: 'UNKNOWN_VALUE' },
  { name: 'visitor as a formula', file: visit({ 走访人: '=1+1' }), column: '走访人', reason: 'FORMULA' },
  { name: 'problems of 2,001 characters', file: visit({ 反映问题: '问'.repeat(2001) }), column: '反映问题', reason: 'TOO_LONG' },
  { name: 'unknown intention', file: visit({ 出资人建党意愿: '看情况' }), column: '出资人建党意愿', reason: 'UNKNOWN_VALUE' },
  { name: 'organization not in the platform', file: visit({ 统一社会信用代码: orgCode(997) }), column: '统一社会信用代码', code: 'NOT_FOUND', reason: 'UNKNOWN_ORGANIZATION' },
] as RowCase[]).map((c) => ({ ...c, kind: 'visits' as const }));

const ROW_CASES = [...ORG_CASES, ...MEMBER_CASES, ...INSTRUCTOR_CASES, ...VISIT_CASES];

interface FileCase {
  name: string;
  kind?: ImportKind;
  source?: 'REGISTRATION';
  file: () => Buffer | Promise<Buffer>;
  reason: string;
  status?: number;
}

async function xlsxEmptySheet(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('空表');
  return Buffer.from(await book.xlsx.writeBuffer());
}

const FILE_CASES: FileCase[] = [
  { name: 'empty file', file: () => Buffer.alloc(0), reason: 'EMPTY_FILE' },
  { name: 'whitespace only', file: () => Buffer.from(' \r\n'), reason: 'EMPTY_FILE' },
  { name: 'header without rows', file: () => csv(ORG_HEADERS, []), reason: 'EMPTY_SHEET' },
  { name: 'xlsx with an empty sheet', file: xlsxEmptySheet, reason: 'EMPTY_SHEET' },
  { name: 'missing required column', file: () => csv(ORG_HEADERS.filter((h) => h !== '组织名称'), [orgRow(900)]), reason: 'MISSING_COLUMNS' },
  { name: 'English headers only', file: () => Buffer.from('creditCode,name\n91370102MA3C4D5E7Q,x\n'), reason: 'MISSING_COLUMNS' },
  { name: 'the same column twice', file: () => csv([...ORG_HEADERS, '名称'], [orgRow(900)]), reason: 'DUPLICATE_COLUMN' },
  { name: 'gate import without the Party-building columns', source: 'REGISTRATION', file: () => csv(ORG_HEADERS.slice(0, 10), [orgRow(900)]), reason: 'GATE_COLUMNS_MISSING' },
  { name: 'a PDF', file: () => Buffer.from('%PDF-1.7\n1 0 obj\n'), reason: 'NOT_A_SPREADSHEET' },
  { name: 'binary with NUL bytes', file: () => Buffer.from([0x00, 0x01, 0x02, 0x03, 0x41, 0x00]), reason: 'NOT_A_SPREADSHEET' },
  { name: 'a zip that is not a workbook (e.g. .docx)', file: () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('word/document.xml junk')]), reason: 'NOT_A_SPREADSHEET' },
  { name: 'a damaged workbook', file: () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('xl/workbook.xml truncated')]), reason: 'NOT_A_SPREADSHEET' },
  { name: 'a legacy .xls', file: () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100)]), reason: 'UNSUPPORTED_FORMAT' },
  { name: 'an HTML table saved as .xls', file: () => Buffer.from('<html><table><tr><td>统一社会信用代码</td></tr></table></html>'), reason: 'NOT_A_SPREADSHEET' },
  { name: 'neither UTF-8 nor GBK', file: () => Buffer.from([0x41, 0x2c, 0x42, 0x0a, 0xff, 0xff, 0xff, 0x0a]), reason: 'ENCODING' },
  { name: 'unclosed quote', file: () => Buffer.from(`${ORG_HEADERS.join(',')}\n"${orgCode(900)},x\n`), reason: 'CSV_SYNTAX' },
  { name: 'gate source on a members import', kind: 'members', source: 'REGISTRATION', file: () => csv(MEMBER_HEADERS, [memberRow(900)]), reason: 'SOURCE_NOT_APPLICABLE' },
  { name: 'more than 20 MB', file: () => Buffer.alloc(20 * 1024 * 1024 + 1, 0x41), reason: 'FILE_TOO_LARGE', status: 413 },
];

describe('bad-input corpus (importer)', () => {
  beforeAll(async () => {
    // A member at FULL, so a file naming them as an applicant goes backward.
    const seeded = await runImport(dataSource.manager, csv(MEMBER_HEADERS, [memberRow(500)]), { kind: 'members', actor: 'fixture' });
    expect(seeded.summary).toMatchObject({ created: 1, refused: 0 });
  });

  it('has at least 60 importer cases', () => {
    expect(ROW_CASES.length + FILE_CASES.length).toBeGreaterThanOrEqual(60);
  });

  it.each(ROW_CASES.map((c) => [c.name, c] as const))('row: %s', async (_name, c) => {
    const before = await fingerprint(db.url);
    const report = await runImport(dataSource.manager, await c.file(), { kind: c.kind ?? 'organizations', actor: 'corpus', source: c.source ?? null });
    expect(report.applied).toBe(false);
    const row = c.row ?? 3;
    const refused = report.rows.find((r) => r.row === row)!;
    expect(refused.outcome).toBe('REFUSED');
    const issue = refused.issues!.find((i) => i.reason === c.reason);
    expect(issue, JSON.stringify(refused.issues)).toBeDefined();
    expect(issue).toMatchObject({ code: c.code ?? 'BAD_USER_INPUT', row, column: c.column, path: c.column === null ? ['rows', row] : ['rows', row, c.column] });
    expect(issue!.message).toMatch(/\w{3}/);
    expect(issue!.messageZh).toMatch(/[\u4e00-\u9fff]/);
    if (c.zh) expect(issue!.messageZh).toContain(c.zh);
    // The good row (row 2) was valid and still nothing was written.
    expect(report.rows.find((r) => r.row === 2)!.outcome).not.toBe('REFUSED');
    expect(await fingerprint(db.url)).toEqual(before);
  });

  it.each(FILE_CASES.map((c) => [c.name, c] as const))('file: %s', async (_name, c) => {
    const before = await fingerprint(db.url);
    const error = await runImport(dataSource.manager, await c.file(), { kind: c.kind ?? 'organizations', actor: 'corpus', source: c.source ?? null }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportFileError);
    const e = error as ImportFileError;
    expect(e.reason).toBe(c.reason);
    expect(e.status).toBe(c.status ?? 400);
    expect(e.en).toMatch(/\w{3}/);
    expect(e.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(await fingerprint(db.url)).toEqual(before);
  });
});
