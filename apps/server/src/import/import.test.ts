import type { TestDatabase } from '@liangxin/db';
import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODES, sql, startTestApp, testDatabase, type TestApp } from '../../test/helpers.js';
import { COLUMNS } from './columns.js';
import { csv, fingerprint, idNumber, insertImportFixture, ORG_HEADERS, orgCode, orgRow, xlsx } from './import-fixture.js';
import { runImport } from './importer.js';
import { readTable } from './read-file.js';
import { StreamedWorkbook } from '../export/xlsx.js';
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';

let db: TestDatabase;
let app: TestApp;

beforeAll(async () => {
  db = await testDatabase();
  await insertImportFixture(db.url);
  app = await startTestApp(db.url);
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const importFile = (file: Buffer, options: Partial<Parameters<typeof runImport>[2]> = {}) =>
  runImport(app.server.dataSource.manager, file, { kind: 'organizations', actor: 'test', ...options });

/** fetch as the city administrator (every spreadsheet route needs a signed-in principal). */
async function fetchAs(url: string, init: RequestInit = {}, authorization?: string): Promise<Response> {
  return fetch(url, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), authorization: authorization ?? app.adminAuthorization } });
}

async function readXlsx(body: ArrayBuffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body);
  return book;
}

describe('organizations', () => {
  const file = csv(ORG_HEADERS, [orgRow(1), orgRow(2), orgRow(3, { 统一社会信用代码: CODES.enterprise, 组织名称: '济南示例软件有限公司', 所属行业: 'I', 从业人员数: 121, 登记日期: '2019-03-15' })]);

  it('dry run reports creates and updates and writes nothing', async () => {
    const before = await fingerprint(db.url);
    const report = await importFile(file, { dryRun: true });
    expect(report.summary).toEqual({ rows: 3, created: 2, updated: 1, unchanged: 0, refused: 0 });
    expect(report.applied).toBe(false);
    expect(report.rows[2]).toMatchObject({ row: 4, key: CODES.enterprise, outcome: 'UPDATE' });
    expect(report.rows[2]!.changes).toEqual(expect.arrayContaining(['从业人员数', '所在商圈', '党员人数', '是否建立党组织']));
    expect(await fingerprint(db.url)).toEqual(before);
  });

  it('applies in one transaction with one audit row per change; a second identical import changes nothing', async () => {
    const auditBefore = Number((await sql(db.url, 'SELECT count(*) FROM audit_log')).rows[0].count);
    const first = await importFile(file);
    expect(first.applied).toBe(true);
    expect(first.summary).toMatchObject({ created: 2, updated: 1, refused: 0 });
    const audit = await sql(db.url, `SELECT actor, operation, node_type, before IS NULL AS created, after->>'credit_code' AS code FROM audit_log ORDER BY id`);
    expect(audit.rows.length - auditBefore).toBe(3);
    expect(audit.rows.slice(-3).every((r) => r.actor === 'test' && r.operation === 'import:organizations' && r.node_type === 'Organization')).toBe(true);
    const created = await sql(db.url, `SELECT source, street_id, park_id, building_id, business_district_id, version FROM organization WHERE credit_code = $1`, [orgCode(1)]);
    expect(created.rows[0]).toEqual({ source: 'IMPORT', street_id: 10, park_id: 1, building_id: 1, business_district_id: 1, version: 1 });
    const updated = await sql(db.url, `SELECT employees, version FROM organization WHERE id = 1`);
    expect(updated.rows[0]).toEqual({ employees: 121, version: 2 });

    const snapshot = await fingerprint(db.url);
    const second = await importFile(file);
    expect(second.summary).toEqual({ rows: 3, created: 0, updated: 0, unchanged: 3, refused: 0 });
    expect(await fingerprint(db.url)).toEqual(snapshot);
  });

  it('refuses the whole file when one row is refused, and applies the valid rows with validRowsOnly', async () => {
    const mixed = csv(ORG_HEADERS, [orgRow(10), orgRow(11, { 从业人员数: -5 })]);
    const before = await fingerprint(db.url);
    const refused = await importFile(mixed);
    expect(refused).toMatchObject({ applied: false, summary: { created: 1, refused: 1 } });
    expect(refused.rows[1]!.issues![0]).toMatchObject({ row: 3, column: '从业人员数', path: ['rows', 3, '从业人员数'], reason: 'OUT_OF_RANGE', code: 'BAD_USER_INPUT' });
    expect(await fingerprint(db.url)).toEqual(before);
    const partial = await importFile(mixed, { validRowsOnly: true });
    expect(partial).toMatchObject({ applied: true, summary: { created: 1, refused: 1 } });
    expect((await sql(db.url, 'SELECT count(*)::int AS n FROM organization WHERE credit_code = $1', [orgCode(10)])).rows[0].n).toBe(1);
  });

  it('records the registration gate as the source and the declared Party-building facts', async () => {
    const report = await importFile(csv(ORG_HEADERS, [orgRow(20, { 党员人数: 4, 是否建立党组织: '是' })]), { source: 'REGISTRATION' });
    expect(report.applied).toBe(true);
    const row = await sql(db.url, 'SELECT source, declared_party_members, declared_has_party_organization FROM organization WHERE credit_code = $1', [orgCode(20)]);
    expect(row.rows[0]).toEqual({ source: 'REGISTRATION', declared_party_members: 4, declared_has_party_organization: true });
  });

  it('reads a GBK-encoded CSV, a UTF-8 BOM, a title row above the header and ignores unknown columns', async () => {
    const text = `济南市两新组织台账\r\n序号,${ORG_HEADERS.join(',')},备注\r\n1,${ORG_HEADERS.map((h) => orgRow(30)[h]).join(',')},无\r\n`;
    // Node has no GBK encoder: encodeGbk builds the bytes from the decoder's table.
    const gbkReport = await importFile(encodeGbk(text), { dryRun: true });
    expect(gbkReport.file).toMatchObject({ format: 'csv', encoding: 'GB18030', headerRow: 2, ignoredColumns: ['序号', '备注'] });
    expect(gbkReport.summary).toMatchObject({ created: 1, refused: 0 });
    const bom = await importFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), { dryRun: true });
    expect(bom.file.encoding).toBe('UTF-8 (BOM)');
    expect(bom.summary).toMatchObject({ created: 1, refused: 0 });
  });

  it('reads .xlsx with typed cells: dates, numbers, and Excel serial dates', async () => {
    const row = orgRow(40);
    const values = ORG_HEADERS.map((h) => (h === '登记日期' ? new Date(Date.UTC(2020, 4, 1)) : h === '从业人员数' ? 60 : row[h]));
    const report = await importFile(await xlsx(ORG_HEADERS, [values, ORG_HEADERS.map((h) => (h === '统一社会信用代码' ? orgCode(41) : h === '登记日期' ? 43952 : row[h]))]), { dryRun: true });
    expect(report.file.format).toBe('xlsx');
    expect(report.summary).toMatchObject({ created: 2, refused: 0 });
  });

  it('exports organizations with the import headers; the export imports back unchanged', async () => {
    const response = await fetchAs(`${app.url}/export/organizations.xlsx?scope=370102`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const body = Buffer.from(await response.arrayBuffer());
    const book = await readXlsx(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(2).values).toEqual([undefined, ...COLUMNS.organizations.map((c) => c.header)]);
    const report = await importFile(body, { dryRun: true });
    expect(report.summary.refused).toBe(0);
    expect(report.summary.unchanged).toBe(report.summary.rows);
    expect(report.summary.rows).toBeGreaterThan(3);
  });

  it('neutralises formula injection in exported cells', async () => {
    await sql(db.url, `UPDATE organization SET address = '=cmd|'' /C calc''!A0' WHERE id = 2`);
    const response = await fetchAs(`${app.url}/export/organizations.xlsx?scope=370103`);
    const body = await response.arrayBuffer();
    const sheet = (await readXlsx(body)).worksheets[0]!;
    const addressColumn = COLUMNS.organizations.findIndex((c) => c.header === '地址') + 1;
    const cell = sheet.getRow(3).getCell(addressColumn);
    expect(cell.value).toBe(`'=cmd|' /C calc'!A0`);
    expect(cell.formula).toBeUndefined();
  });
});

describe('reading files', () => {
  const text = (n: number) => `第${n}行两新组织党建工作覆盖情况统计表中文内容测试`;

  it('reads 20,000 Chinese cells of an .xlsx without a broken character (streamed, inline strings)', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const book = new StreamedWorkbook(out);
    const sheet = book.sheet('x', [{ header: '组织名称' }]);
    for (let n = 0; n < 20_000; n++) sheet.add([text(n)]);
    sheet.done();
    await book.commit();
    const table = await readTable(Buffer.concat(chunks));
    const broken = table.rows.slice(1).filter((r, i) => r.cells[0] !== text(i));
    expect(broken).toEqual([]);
  });

  it('reads 20,000 Chinese cells of an .xlsx without a broken character (shared strings, as Excel writes)', async () => {
    const table = await readTable(await xlsx(['组织名称'], Array.from({ length: 20_000 }, (_, n) => [text(n)])));
    const broken = table.rows.slice(1).filter((r, i) => r.cells[0] !== text(i));
    expect(broken).toEqual([]);
  });

  it('documents every column of every kind in docs/import-guide.md', () => {
    const guide = readFileSync(join(import.meta.dirname, '../../../../docs/import-guide.md'), 'utf8');
    for (const columns of Object.values(COLUMNS)) for (const c of columns) expect(guide).toContain(`| ${c.header} |`);
  });
});

describe('members, instructors, visits', () => {
  const MEMBER_HEADERS = ['公民身份号码', '姓名', '性别', '出生日期', '工作单位统一社会信用代码', '入职日期', '发展阶段', '申请入党日期', '确定积极分子日期', '确定发展对象日期', '接收预备党员日期', '转正日期', '组织关系所在', '所在台账', '台账所在区划', '纳入台账日期'];
  const member = (n: number, o: Record<string, string> = {}) => ({
    公民身份号码: idNumber(n),
    姓名: '张三',
    性别: '男',
    出生日期: '1990-01-01',
    工作单位统一社会信用代码: CODES.enterprise,
    入职日期: '2018-01-01',
    发展阶段: '正式党员',
    申请入党日期: '2012-03-01',
    确定积极分子日期: '2012-09-01',
    确定发展对象日期: '2013-09-01',
    接收预备党员日期: '2014-07-01',
    转正日期: '2015-07-01',
    组织关系所在: '区县人才服务中心',
    所在台账: '区县人才服务中心',
    台账所在区划: '370102',
    纳入台账日期: '2016-01-01',
    ...o,
  });

  it('imports members into the ledgers, masked keys, idempotent', async () => {
    const file = csv(MEMBER_HEADERS, [member(1), member(2, { 发展阶段: '入党积极分子', 确定发展对象日期: '', 接收预备党员日期: '', 转正日期: '', 组织关系所在: '无', 所在台账: '', 台账所在区划: '', 纳入台账日期: '' })]);
    const report = await runImport(app.server.dataSource.manager, file, { kind: 'members', actor: 'test' });
    expect(report.summary).toMatchObject({ created: 2, refused: 0 });
    expect(report.rows[0]!.key).toMatch(/^3701\*+[0-9X]{4}$/);
    expect(JSON.stringify(report)).not.toContain(idNumber(1));
    const snapshot = await fingerprint(db.url);
    const again = await runImport(app.server.dataSource.manager, file, { kind: 'members', actor: 'test' });
    expect(again.summary).toMatchObject({ unchanged: 2 });
    expect(await fingerprint(db.url)).toEqual(snapshot);
    // A transfer out of the ledger into the Party organization is an update.
    const transfer = await runImport(
      app.server.dataSource.manager,
      csv([...MEMBER_HEADERS, '所在党组织', '转接日期'], [{ ...member(1, { 组织关系所在: '本单位党组织' }), 所在党组织: '济南示例软件有限公司党支部', 转接日期: '2024-01-01' }]),
      { kind: 'members', actor: 'test' },
    );
    expect(transfer.rows[0]).toMatchObject({ outcome: 'UPDATE' });
    const row = await sql(db.url, `SELECT relation_holder, party_organization_id, ledger, transferred_on::text, version FROM party_member WHERE id_number = $1`, [idNumber(1)]);
    expect(row.rows[0]).toEqual({ relation_holder: 'PARTY_ORGANIZATION', party_organization_id: 1, ledger: 'TALENT_CENTER', transferred_on: '2024-01-01', version: 2 });
  });

  it('imports instructors with an assignment as an INSTRUCTOR liaison point, once', async () => {
    const headers = ['姓名', '联系电话', '所属人才库', '入库日期', '指导组织统一社会信用代码', '派驻日期'];
    const file = csv(headers, [{ 姓名: '周指导', 联系电话: '13700000001', 所属人才库: '历下区', 入库日期: '2021-01-01', 指导组织统一社会信用代码: CODES.socialGroup, 派驻日期: '2021-02-01' }]);
    const report = await runImport(app.server.dataSource.manager, file, { kind: 'instructors', actor: 'test' });
    expect(report.summary).toMatchObject({ created: 1, refused: 0 });
    const lp = await sql(db.url, `SELECT lp.kind, lp.since::text FROM liaison_point lp JOIN instructor i ON i.id = lp.instructor_id WHERE i.phone = '13700000001'`);
    expect(lp.rows).toEqual([{ kind: 'INSTRUCTOR', since: '2021-02-01' }]);
    const snapshot = await fingerprint(db.url);
    expect((await runImport(app.server.dataSource.manager, file, { kind: 'instructors', actor: 'test' })).summary).toMatchObject({ unchanged: 1 });
    expect(await fingerprint(db.url)).toEqual(snapshot);
  });

  it('imports visits on a liaison point; the same point and day updates', async () => {
    const headers = ['统一社会信用代码', '联系点类型', '走访日期', '走访人', '出资人建党意愿', '反映问题'];
    const row = { 统一社会信用代码: CODES.enterprise, 联系点类型: '街道工作组专包', 走访日期: '2024-05-20', 走访人: '赵工作', 出资人建党意愿: '愿意', 反映问题: '场地不足\n经费紧张' };
    const first = await runImport(app.server.dataSource.manager, csv(headers, [row]), { kind: 'visits', actor: 'test' });
    expect(first.summary).toMatchObject({ created: 1, refused: 0 });
    const second = await runImport(app.server.dataSource.manager, csv(headers, [{ ...row, 出资人建党意愿: '犹豫' }]), { kind: 'visits', actor: 'test' });
    expect(second.rows[0]).toMatchObject({ outcome: 'UPDATE', changes: ['出资人建党意愿'] });
    const visits = await sql(db.url, `SELECT owner_intention, problems, version FROM visit`);
    expect(visits.rows).toEqual([{ owner_intention: 'UNDECIDED', problems: '场地不足\n经费紧张', version: 2 }]);
  });
});

describe('HTTP', () => {
  it('imports through POST /import/:kind with the same report, and refuses with 400 when rows are refused', async () => {
    const ok = await fetchAs(`${app.url}/import/organizations?dryRun=1`, { method: 'POST', body: csv(ORG_HEADERS, [orgRow(50)]) });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ kind: 'organizations', dryRun: true, summary: { created: 1 } });
    const bad = await fetchAs(`${app.url}/import/organizations`, { method: 'POST', body: csv(ORG_HEADERS, [orgRow(51, { 登记日期: '2999-01-01' })]) });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: Record<string, unknown>; report: { rows: { issues: unknown[] }[] } };
    expect(body.error).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ROWS_REFUSED' });
    expect(body.report.rows[0]!.issues[0]).toMatchObject({ reason: 'FUTURE_DATE', column: '登记日期', row: 2 });
  });

  it('answers file errors as JSON with 400, 404 and 413, never a stack', async () => {
    const empty = await fetchAs(`${app.url}/import/organizations`, { method: 'POST', body: '' });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({ error: { code: 'BAD_USER_INPUT', reason: 'EMPTY_FILE', message: 'The file is empty.', messageZh: '文件是空的' } });
    const kind = await fetchAs(`${app.url}/import/buildings`, { method: 'POST', body: 'x' });
    expect(kind.status).toBe(404);
    const big = await fetchAs(`${app.url}/import/organizations`, { method: 'POST', body: Buffer.alloc(21 * 1024 * 1024, 0x41) });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
    const source = await fetchAs(`${app.url}/import/organizations?source=TAX`, { method: 'POST', body: 'x' });
    expect(source.status).toBe(400);
    const scope = await fetchAs(`${app.url}/export/blind-spots.xlsx?asOf=2999-01-01`);
    expect(scope.status).toBe(400);
    expect(await scope.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', reason: 'FUTURE', path: ['asOf'] } });
    const report = await fetchAs(`${app.url}/export/report.xlsx?period=FORTNIGHT`);
    expect(report.status).toBe(400);
  });

  it('serves templates generated from the column maps, which the importer accepts', async () => {
    for (const kind of ['organizations', 'members', 'instructors', 'visits'] as const) {
      const response = await fetchAs(`${app.url}/templates/${kind}.xlsx`);
      expect(response.status).toBe(200);
      const body = await response.arrayBuffer();
      const book = await readXlsx(body);
      expect(book.worksheets[0]!.getRow(1).values).toEqual([undefined, ...COLUMNS[kind].filter((c) => !c.exportOnly).map((c) => c.header)]);
      expect(book.worksheets[1]!.name).toBe('填写说明');
      // A blank template is a file with a header and no rows: refused as such, not as unreadable.
      await expect(runImport(app.server.dataSource.manager, Buffer.from(body), { kind, actor: 'test', dryRun: true })).rejects.toMatchObject({ reason: 'EMPTY_SHEET' });
    }
    expect((await fetchAs(`${app.url}/templates/nothing.xlsx`)).status).toBe(404);
  });

  it('answers 401 without a token and 403 to a role that may not import', async () => {
    const anonymous = await fetch(`${app.url}/export/organizations.xlsx`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Sign in first', messageZh: '请先登录' } });
    const before = await sql(db.url, 'SELECT count(*)::int AS n FROM organization');
    const analyst = await app.authorizationAs({ role: 'CITY_ANALYST' });
    const refused = await fetchAs(`${app.url}/import/organizations`, { method: 'POST', body: csv(ORG_HEADERS, [orgRow(70)]) }, analyst);
    expect(refused.status).toBe(403);
    expect((await sql(db.url, 'SELECT count(*)::int AS n FROM organization')).rows).toEqual(before.rows);
  });

  it('exports blind spots, the ledgers and a cadence report as streamed workbooks', async () => {
    const spots = await readXlsx(await (await fetchAs(`${app.url}/export/blind-spots.xlsx?scope=370102&asOf=2026-01-01`)).arrayBuffer());
    expect(spots.worksheets[0]!.name).toBe('空白点');
    const ledgers = await readXlsx(await (await fetchAs(`${app.url}/export/ledgers.xlsx`)).arrayBuffer());
    expect(ledgers.worksheets.map((w) => w.name)).toEqual(['台账汇总', '台账党员']);
    const members = ledgers.worksheets[1]!;
    // The administrator may read personal data; the analyst gets it masked, as in the API.
    expect(String(members.getRow(3).getCell(2).value)).toMatch(/^3701[0-9]{10}[0-9]{3}[0-9X]$/);
    const analyst = await app.authorizationAs({ role: 'CITY_ANALYST' });
    const masked = await readXlsx(await (await fetchAs(`${app.url}/export/ledgers.xlsx`, {}, analyst)).arrayBuffer());
    expect(String(masked.worksheets[1]!.getRow(3).getCell(2).value)).toMatch(/^3701\*+/);
    const report = await readXlsx(await (await fetchAs(`${app.url}/export/report.xlsx?period=MONTH&date=2024-05-20`)).arrayBuffer());
    expect(report.worksheets.map((w) => w.name)).toEqual(['报告', '排名']);
  });
});

describe('CLI', () => {
  const cli = join(import.meta.dirname, '../../dist/cli/import.js');
  const run = promisify(execFile);
  it.skipIf(!existsSync(cli))('imports with exit 0, reports refused rows with exit 1, a broken file with exit 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lx-import-'));
    const good = join(dir, 'good.csv');
    const bad = join(dir, 'bad.csv');
    const broken = join(dir, 'broken.csv');
    await writeFile(good, csv(ORG_HEADERS, [orgRow(60)]));
    await writeFile(bad, csv(ORG_HEADERS, [orgRow(61, { 统一社会信用代码: '91370102MA3C4D5E7X' })]));
    await writeFile(broken, '');
    const env = { ...process.env, DATABASE_URL: db.url };
    const ok = await run(process.execPath, [cli, good, '--kind', 'organizations', '--json'], { env });
    expect(JSON.parse(ok.stdout)).toMatchObject({ applied: true, summary: { created: 1 } });
    const audit = await sql(db.url, `SELECT actor FROM audit_log WHERE after->>'credit_code' = $1`, [orgCode(60)]);
    expect(audit.rows[0].actor).toMatch(/^cli:/);
    const refused = await run(process.execPath, [cli, bad, '--kind', 'organizations'], { env }).catch((e: { code: number; stdout: string }) => e);
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stdout: string }).stdout).toContain('CHECK_DIGIT');
    const fileError = await run(process.execPath, [cli, broken, '--kind', 'organizations'], { env }).catch((e: { code: number; stderr: string }) => e);
    expect(fileError).toMatchObject({ code: 2 });
    const argsError = await run(process.execPath, [cli, good, '--kind', 'parks'], { env }).catch((e: { code: number }) => e);
    expect(argsError).toMatchObject({ code: 2 });
  });
});

/** GB 18030 bytes of `text`, for the characters the test uses, via a decoder round trip table. */
function encodeGbk(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, Buffer>();
  // Every two-byte GBK code: lead 0x81–0xFE, trail 0x40–0xFE except 0x7F.
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const bytes = Buffer.from([lead, trail]);
      const ch = decoder.decode(bytes);
      if (ch.length === 1 && !table.has(ch)) table.set(ch, bytes);
    }
  }
  return Buffer.concat([...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? Buffer.from(ch, 'latin1') : table.get(ch) ?? Buffer.from('?'))));
}
