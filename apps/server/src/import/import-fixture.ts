import { identityNumberCheckChar, makeCreditCode } from '@liangxin/domain';
import ExcelJS from 'exceljs';
import { sql, insertJinanFixture } from '../../test/helpers.js';

/**
 * Test helpers of the spreadsheet import: the Jinan fixture plus what visits and members need
 * (a work-group liaison point, a Party organization, an instructor, a second street sharing a
 * name), valid codes, CSV and xlsx builders, and a fingerprint of every table an import writes.
 */

export async function insertImportFixture(url: string): Promise<void> {
  await insertJinanFixture(url);
  await sql(
    url,
    `INSERT INTO area (id, code, name, level, parent_id, path) VALUES
       (13, '370103009', '解放路街道', 'STREET', 3, '{1,3,13}'),
       (101, '370103001001', '大观园第一社区', 'COMMUNITY', 12, '{1,3,12,101}');
     INSERT INTO work_group_member (id, street_id, name, phone, joined_on) VALUES (1, 10, '赵工作', '13800000001', '2020-01-01');
     INSERT INTO liaison_point (id, kind, organization_id, work_group_member_id, since) VALUES (1, 'WORK_GROUP', 1, 1, '2020-01-01');
     INSERT INTO party_organization (id, name, kind, formation, anchor, area_id, organization_id, established_on)
       VALUES (1, '济南示例软件有限公司党支部', 'BRANCH', 'STANDALONE', 'ORGANIZATION', 10, 1, '2020-01-01');
     INSERT INTO party_organization_coverage (party_organization_id, organization_id, since) VALUES (1, 1, '2020-01-01');
     INSERT INTO instructor (id, name, phone, pool_area_id, joined_pool_on) VALUES
       (1, '钱指导', '13900000001', 2, '2020-01-01'), (2, '孙重名', '13900000002', 2, '2020-01-01'), (3, '孙重名', '13900000002', 2, '2021-01-01');
     SELECT setval(pg_get_serial_sequence('area', 'id'), 1000); SELECT setval(pg_get_serial_sequence('organization', 'id'), 1000);
     SELECT setval(pg_get_serial_sequence('instructor', 'id'), 1000); SELECT setval(pg_get_serial_sequence('liaison_point', 'id'), 1000);
     SELECT setval(pg_get_serial_sequence('party_organization', 'id'), 1000);`,
  );
}

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid enterprise (9-1) credit code of 历下区, distinct per n. */
export function orgCode(n: number, authority = '9', category = '1', division = '370102'): string {
  let body = '';
  let x = n;
  for (let i = 0; i < 8; i++) {
    body = ALPHABET[x % 31] + body;
    x = Math.floor(x / 31);
  }
  return makeCreditCode({ authorityChar: authority, categoryChar: category, divisionCode: division, organizationBody: body });
}

/** A valid resident identity number born on `birth` (YYYYMMDD), distinct per n. */
export function idNumber(n: number, birth = '19900101'): string {
  const first17 = `370102${birth}${String(n).padStart(3, '0')}`;
  return first17 + identityNumberCheckChar(first17);
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csv(headers: readonly string[], rows: readonly Record<string, string | number | undefined>[]): Buffer {
  const lines = [headers.join(','), ...rows.map((r) => headers.map((h) => quote(r[h] === undefined ? '' : String(r[h]))).join(','))];
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function xlsx(headers: readonly string[], rows: readonly (readonly unknown[])[], sheetName = 'Sheet1'): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  if (headers.length) sheet.addRow([...headers]);
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Counts and version sums of every table an import writes, and the audit trail's length. */
export async function fingerprint(url: string): Promise<Record<string, unknown>> {
  const { rows } = await sql(
    url,
    `SELECT (SELECT count(*) FROM audit_log)::int AS audit,
       (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM organization) AS organization,
       (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM party_member) AS party_member,
       (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM instructor) AS instructor,
       (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM liaison_point) AS liaison_point,
       (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM visit) AS visit,
       (SELECT md5(string_agg(o::text, '' ORDER BY id)) FROM organization o) AS organization_rows`,
  );
  return rows[0] as Record<string, unknown>;
}

export const ORG_HEADERS = ['统一社会信用代码', '组织名称', '所属行业', '从业人员数', '登记日期', '所在街道', '所在园区', '所在楼宇', '所在商圈', '是否重点组织', '党员人数', '是否建立党组织'];

export function orgRow(n: number, overrides: Record<string, string | number | undefined> = {}): Record<string, string | number | undefined> {
  return {
    统一社会信用代码: orgCode(n),
    组织名称: `济南测试企业${n}有限公司`,
    所属行业: 'C',
    从业人员数: 20 + n,
    登记日期: '2020-05-01',
    所在街道: '370102001',
    所在园区: '济南高新技术产业开发区',
    所在楼宇: '齐鲁软件大厦',
    所在商圈: '泉城路商圈',
    是否重点组织: '否',
    党员人数: 2,
    是否建立党组织: '否',
    ...overrides,
  };
}
