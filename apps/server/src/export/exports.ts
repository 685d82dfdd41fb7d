import { FULL_MEMBERS_FOR_ORGANIZATION, isPeriod, todayInShanghai, type Period } from '@liangxin/domain';
import type { Writable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import { isAreaBound } from '../auth/permissions.js';
import type { Principal } from '../auth/principal.js';
import type { Context } from '../context.js';
import { BadUserInputError } from '../errors/bad-user-input.error.js';
import { coverageAt } from '../graph/coverage/coverage.args.js';
import { resolveScope } from '../graph/coverage/coverage.resolver.js';
import { blindSpotAt, dates, fullMembersAt, inScopeAt, lastVisitOnAt, liaisonPointAt } from '../graph/coverage/coverage.sql.js';
import { LedgersResolver } from '../graph/ledgers/ledgers.resolver.js';
import { runQuery } from '../graph/list.js';
import { OrganizationFilter, organizationConditions } from '../graph/organization/organization.input.js';
import { maskIdNumber, maskName, showsPersonalData } from '../graph/party-member/personal-data.js';
import { resolveAreaScope } from '../graph/reports/area-rows.js';
import { ReportResolver } from '../graph/reports/report.resolver.js';
import { COLUMNS, CATEGORY_VALUES, labelOf, LEDGER_VALUES, STAGE_VALUES } from '../import/columns.js';
import { and, raw, sql, type Sql } from '../sql/fragment.js';
import { excelDate, StreamedWorkbook, type SheetColumn, type XlsxValue } from './xlsx.js';

/**
 * The .xlsx exports (docs/import-guide.md, "Exports"). Each one checks its arguments and runs its
 * first query before writing a byte, so a bad argument is still a JSON error; then it streams:
 * rows are read in keyset batches of BATCH (by id) and committed to the workbook as they come.
 * The rules are the API's own — the list filters of `organizations`, `blindSpotAt` of the
 * coverage measures, the `ledgers` and `report` resolvers — never restated here. Personal data
 * is masked exactly as the API masks it.
 */

const BATCH = 2000;

type Query = Readonly<Record<string, unknown>>;

/** Who the export is for: personal data is shown only to roles that may read it. */
export interface ExportOptions {
  principal?: Principal | null;
}

/**
 * The context the API's resolvers get when an export reuses them: the same database handle, and
 * whether it is under row-level security (then figures come from the visible facts, not the tally).
 */
function resolverContext(db: EntityManager, options: ExportOptions): Context {
  return { db, principal: options.principal ?? null, rowLevelSecurity: isAreaBound(options.principal) } as Context;
}

function text(q: Query, name: string): string | null {
  const v = q[name];
  if (Array.isArray(v)) return v.length ? String(v[v.length - 1]) : null;
  return v === undefined || v === null || v === '' ? null : String(v);
}

function list(q: Query, name: string): string[] | null {
  const v = text(q, name);
  return v === null ? null : v.split(',').map((s) => s.trim()).filter(Boolean);
}

function refuse(name: string, zh: string, en: string): never {
  throw new BadUserInputError(en, { field: [name], reason: 'QUERY_PARAMETER', localizedMessage: { zh, en } });
}

function yesNo(q: Query, name: string): boolean | null {
  const v = text(q, name);
  if (v === null) return null;
  if (['1', 'true', 'yes'].includes(v.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(v.toLowerCase())) return false;
  return refuse(name, `参数 ${name} 应为 true 或 false`, `${name} must be true or false.`);
}

function oneOf<T extends string>(q: Query, name: string, allowed: readonly T[]): T[] | null {
  const values = list(q, name);
  if (values === null) return null;
  for (const v of values) {
    if (!allowed.includes(v as T)) refuse(name, `参数 ${name} 的取值应为 ${allowed.join('、')}`, `${name} must be among ${allowed.join(', ')}.`);
  }
  return values as T[];
}

/** The query string of an organization export as the `organizations` list filter. */
export function organizationFilterFromQuery(q: Query): OrganizationFilter {
  return Object.assign(new OrganizationFilter(), {
    scope: text(q, 'scope'),
    category: oneOf(q, 'category', ['NON_PUBLIC_ECONOMIC', 'SOCIAL']),
    status: oneOf(q, 'status', ['ACTIVE', 'DEREGISTERED']),
    industry: list(q, 'industry'),
    isKey: yesNo(q, 'isKey'),
    hasPartyOrganization: yesNo(q, 'hasPartyOrganization'),
    hasInstructor: yesNo(q, 'hasInstructor'),
    inPark: yesNo(q, 'inPark'),
    inBuilding: yesNo(q, 'inBuilding'),
    inBusinessDistrict: yesNo(q, 'inBusinessDistrict'),
    text: text(q, 'text'),
  }) as OrganizationFilter;
}

/** Keyset batches of a statement that selects `id` and takes the last id seen. */
async function* batches(db: EntityManager, statement: (afterId: number) => Sql, first?: Record<string, unknown>[]) {
  let rows = first ?? (await runQuery(db, statement(0)));
  for (;;) {
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < BATCH) return;
    rows = await runQuery(db, statement(Number(rows[rows.length - 1]!.id)));
  }
}

const ORG_COLUMNS = COLUMNS.organizations;

function organizationSelect(where: Sql, extra: Sql, afterId: number): Sql {
  return sql`SELECT o.id, o.credit_code::text AS credit_code, o.name, o.category, o.industry::text AS industry, o.employees,
      o.registered_on::text AS registered_on, o.deregistered_on::text AS deregistered_on, o.status,
      s.code::text AS street_code, s.name AS street_name, d.name AS district_name,
      p.name AS park, b.name AS building, bd.name AS business_district, o.address, o.is_key,
      o.declared_party_members, o.declared_has_party_organization ${extra}
    FROM organization o JOIN area s ON s.id = o.street_id LEFT JOIN area d ON d.id = s.parent_id AND d.level = 'DISTRICT'
      LEFT JOIN park p ON p.id = o.park_id LEFT JOIN building b ON b.id = o.building_id
      LEFT JOIN business_district bd ON bd.id = o.business_district_id
    WHERE ${where} AND o.id > ${afterId}::int ORDER BY o.id LIMIT ${BATCH}`;
}

const yes = (b: unknown): string | null => (b === null || b === undefined ? null : b ? '是' : '否');

/** One organization as the import columns (so an export imports back unchanged). */
function organizationValues(r: Record<string, unknown>): XlsxValue[] {
  const byField: Record<string, XlsxValue> = {
    creditCode: r.credit_code as string,
    name: r.name as string,
    category: labelOf(CATEGORY_VALUES, r.category as string),
    industry: r.industry as string,
    employees: Number(r.employees),
    registeredOn: excelDate(r.registered_on as string),
    deregisteredOn: excelDate(r.deregistered_on as string | null),
    street: r.street_code as string,
    park: r.park as string | null,
    building: r.building as string | null,
    businessDistrict: r.business_district as string | null,
    address: r.address as string | null,
    isKey: yes(r.is_key),
    declaredPartyMembers: r.declared_party_members as number | null,
    declaredHasPartyOrganization: yes(r.declared_has_party_organization),
    district: r.district_name as string | null,
    streetName: r.street_name as string,
    status: r.status === 'DEREGISTERED' ? '注销' : '存续',
  };
  return ORG_COLUMNS.map((c) => byField[c.field] ?? null);
}

const orgSheetColumns = (): SheetColumn[] =>
  ORG_COLUMNS.map((c) => ({ header: c.header, width: c.width, format: c.type === 'date' ? 'date' : c.type === 'code' ? 'text' : undefined }));

/** GET /export/organizations.xlsx: any organization list under the `organizations` filter. */
export async function exportOrganizations(db: EntityManager, q: Query, out: () => Writable, options: ExportOptions = {}): Promise<void> {
  const filter = organizationFilterFromQuery(q);
  const where = and(organizationConditions(filter, ['filter']));
  const statement = (after: number) => organizationSelect(where, raw(''), after);
  const first = await runQuery(db, statement(0));
  const book = new StreamedWorkbook(out());
  const sheet = book.sheet('两新组织', orgSheetColumns(), { note: `两新组织名单（导出于 ${todayInShanghai()}）` });
  for await (const rows of batches(db, statement, first)) for (const r of rows) sheet.add(organizationValues(r));
  sheet.done();
  await book.commit();
}

/** GET /export/blind-spots.xlsx: the blind spots (空白点) of a scope on asOf, with what each lacks. */
export async function exportBlindSpots(db: EntityManager, q: Query, out: () => Writable, options: ExportOptions = {}): Promise<void> {
  const windowText = text(q, 'window');
  const window = windowText === null ? null : Number(windowText);
  const at = coverageAt(text(q, 'asOf'), window);
  const scope = resolveScope(text(q, 'scope'));
  const filter = organizationFilterFromQuery({ ...q, scope: undefined });
  const where = and([scope.org, blindSpotAt('o', at), ...organizationConditions(filter, ['filter'])]);
  const { d } = dates(at);
  const extra = sql`, ${fullMembersAt('o', d)} AS full_members, ${lastVisitOnAt('o', d)}::text AS last_visit_on,
    ${liaisonPointAt('o', d, 'WORK_GROUP')} AS has_work_group, ${liaisonPointAt('o', d)} AS has_liaison_point`;
  const statement = (after: number) => organizationSelect(where, extra, after);
  const first = await runQuery(db, statement(0));
  const book = new StreamedWorkbook(out());
  const columns: SheetColumn[] = [
    ...orgSheetColumns(),
    { header: '正式党员数', width: 10 },
    { header: '可单独组建党组织', width: 14 },
    { header: '最近走访日期', width: 12, format: 'date' },
    { header: '有工作组专包', width: 12 },
    { header: '有联系点', width: 10 },
  ];
  const sheet = book.sheet('空白点', columns, { note: `空白点（基准日期 ${at.asOf}，时间窗口 ${at.window} 天）：既未被党组织覆盖，也无党建指导员、窗口内无走访` });
  for await (const rows of batches(db, statement, first)) {
    for (const r of rows) {
      const full = Number(r.full_members);
      sheet.add([
        ...organizationValues(r),
        full,
        full >= FULL_MEMBERS_FOR_ORGANIZATION ? '是' : '否',
        excelDate(r.last_visit_on as string | null),
        yes(r.has_work_group),
        yes(r.has_liaison_point),
      ]);
    }
  }
  sheet.done();
  await book.commit();
}

/** GET /export/ledgers.xlsx: the three ledgers on asOf — the summary by area, and the members (masked unless the caller may read personal data). */
export async function exportLedgers(db: EntityManager, q: Query, out: () => Writable, options: ExportOptions = {}): Promise<void> {
  const ctx = resolverContext(db, options);
  const personal = showsPersonalData(options.principal);
  const summary = await new LedgersResolver().ledgers(text(q, 'scope'), text(q, 'asOf'), ctx);
  const area = await resolveAreaScope(db, text(q, 'scope'));
  const d = sql`${summary.asOf}::date`;
  const statement = (after: number) => sql`SELECT m.id, m.name, m.id_number, o.name AS organization, o.credit_code::text AS credit_code,
      s.name AS street, m.stage, m.ledger, la.name AS ledger_area, m.ledger_since::text AS ledger_since,
      m.transferred_on::text AS transferred_on, coalesce(m.transferred_on <= ${d}, false) AS transferred,
      coalesce(m.revealed_on <= ${d}, false) AS revealed
    FROM party_member m JOIN organization o ON o.id = m.organization_id JOIN area s ON s.id = o.street_id
      LEFT JOIN area la ON la.id = m.ledger_area_id
    WHERE m.ledger IS NOT NULL AND m.ledger_since <= ${d} AND m.employed_since <= ${d} AND ${inScopeAt('o', d)}
      AND o.street_id = ANY (ARRAY(SELECT __a.id FROM area __a WHERE __a.path @> ARRAY[${area.id}::int]))
      AND m.id > ${after}::int
    ORDER BY m.id LIMIT ${BATCH}`;
  const first = await runQuery(db, statement(0));
  const book = new StreamedWorkbook(out());
  const ledgerHeaders = ['市人事代理党委', '区县人才服务中心', '社区'];
  const totals = book.sheet(
    '台账汇总',
    [
      { header: '区划代码', width: 12 },
      { header: '区划', width: 20 },
      { header: '在册（存量）', width: 12 },
      { header: '已转接', width: 10 },
      { header: '已亮明身份', width: 12 },
      { header: '未亮明身份', width: 12 },
      ...ledgerHeaders.flatMap((h) => [{ header: `${h}·在册`, width: 16 }, { header: `${h}·已转接`, width: 16 }]),
    ],
    { note: `三个台账（基准日期 ${summary.asOf}，范围 ${area.name}）` },
  );
  for (const row of [...summary.rows, summary.totals]) {
    totals.add([
      row === summary.totals ? `${row.areaCode}（合计）` : row.areaCode,
      row.areaName,
      row.held,
      row.transferred,
      row.identityRevealed,
      row.identityNotRevealed,
      ...row.ledgers.flatMap((l) => [l.held, l.transferred]),
    ]);
  }
  totals.done();
  const members = book.sheet(
    '台账党员',
    [
      { header: personal ? '姓名' : '姓名（脱敏）', width: 12 },
      { header: personal ? '公民身份号码' : '公民身份号码（脱敏）', width: 22 },
      { header: '工作单位', width: 30 },
      { header: '工作单位统一社会信用代码', width: 22, format: 'text' },
      { header: '所在街道', width: 14 },
      { header: '发展阶段', width: 10 },
      { header: '所在台账', width: 16 },
      { header: '台账所在区划', width: 14 },
      { header: '纳入台账日期', width: 12, format: 'date' },
      { header: '状态', width: 8 },
      { header: '转接日期', width: 12, format: 'date' },
      { header: '是否亮明身份', width: 12 },
    ],
    { note: personal ? '含个人信息，请妥善保管，不得外传' : '个人信息已脱敏，与 GraphQL 接口一致' },
  );
  for await (const rows of batches(db, statement, first)) {
    for (const r of rows) {
      members.add([
        personal ? String(r.name) : maskName(String(r.name)),
        personal ? String(r.id_number) : maskIdNumber(String(r.id_number)),
        r.organization as string,
        r.credit_code as string,
        r.street as string,
        labelOf(STAGE_VALUES, r.stage as string),
        labelOf(LEDGER_VALUES, r.ledger as string),
        r.ledger_area as string | null,
        excelDate(r.ledger_since as string),
        r.transferred ? '已转接' : '在册',
        r.transferred ? excelDate(r.transferred_on as string) : null,
        r.revealed ? '是' : '否',
      ]);
    }
  }
  members.done();
  await book.commit();
}

/** GET /export/report.xlsx: a cadence report (日调度、周通报、月总结、年考核), the `report` query's figures. */
export async function exportReport(db: EntityManager, q: Query, out: () => Writable, options: ExportOptions = {}): Promise<void> {
  const period = text(q, 'period') ?? 'WEEK';
  if (!isPeriod(period)) refuse('period', '参数 period 应为 DAY、WEEK、MONTH 或 YEAR', 'period must be DAY, WEEK, MONTH or YEAR.');
  const report = await new ReportResolver().report(period as Period as never, text(q, 'date'), text(q, 'scope'), resolverContext(db, options));
  const book = new StreamedWorkbook(out());
  const columns: SheetColumn[] = [
    { header: '区划代码', width: 12 },
    { header: '区划', width: 20 },
    { header: '新建党组织', width: 12 },
    { header: '新覆盖组织', width: 12 },
    { header: '期初空白点', width: 12 },
    { header: '期末空白点', width: 12 },
    { header: '走访次数', width: 10 },
    { header: '转接党员', width: 10 },
    { header: '亮明身份', width: 10 },
    { header: '期初在册组织', width: 12 },
    { header: '期末在册组织', width: 12 },
    { header: '期初覆盖率', width: 12 },
    { header: '期末覆盖率', width: 12 },
    { header: '覆盖率变化', width: 12 },
    { header: '得分', width: 10 },
    { header: '排名', width: 8 },
  ];
  type Row = (typeof report.rows)[number];
  const values = (r: Row, code?: string): XlsxValue[] => [
    code ?? r.areaCode,
    r.areaName,
    r.partyOrganizationsEstablished,
    r.organizationsNewlyCovered,
    r.blindSpotsAtStart,
    r.blindSpotsAtEnd,
    r.visits,
    r.membersTransferred,
    r.identitiesRevealed,
    r.inScopeAtStart,
    r.inScopeAtEnd,
    r.overallCoverageRateAtStart,
    r.overallCoverageRateAtEnd,
    r.coverageRateChange,
    r.score,
    r.rank,
  ];
  const note = `${report.label}（${report.start} 至 ${report.end}），口径见 docs/measures.md`;
  const rows = book.sheet('报告', columns, { note });
  for (const r of report.rows) rows.add(values(r));
  rows.add(values(report.totals, `${report.totals.areaCode}（合计）`));
  rows.done();
  const ranking = book.sheet('排名', columns, { note });
  for (const r of report.ranking) ranking.add(values(r));
  ranking.done();
  await book.commit();
}
