import { normalizeOrganizationFields, validateOrganizationFields, type OrganizationFields } from '@liangxin/domain';
import { rowIssue, type RowIssue } from '../report.js';
import { insertSet, updateSet, type SetColumn } from '../write-set.js';
import {
  ambiguous,
  AREA_CODE,
  distinct,
  fromDomain,
  groupBy,
  notFound,
  outcomeOf,
  planned,
  inSequence,
  query,
  type KindHandler,
  type PlannedRow,
  type RowInput,
} from './common.js';

/**
 * Organizations (两新组织), upserted by credit code. The stored row's columns that an import can
 * set, in the order of the set-based statements. `source` is written on creation only: the gate
 * (三个同步) an organization first came through, or IMPORT.
 */
const WRITTEN: SetColumn[] = [
  { name: 'name', type: 'text' },
  { name: 'category', type: 'text' },
  { name: 'industry', type: 'text' },
  { name: 'employees', type: 'int' },
  { name: 'registered_on', type: 'date' },
  { name: 'deregistered_on', type: 'date' },
  { name: 'status', type: 'text' },
  { name: 'street_id', type: 'int' },
  { name: 'park_id', type: 'int' },
  { name: 'building_id', type: 'int' },
  { name: 'business_district_id', type: 'int' },
  { name: 'address', type: 'text' },
  { name: 'is_key', type: 'boolean' },
  { name: 'declared_party_members', type: 'int' },
  { name: 'declared_has_party_organization', type: 'boolean' },
];

/** Stored column → the field whose column header names it in the report's `changes`. */
const COMPARED: Record<string, string> = {
  name: 'name',
  category: 'category',
  industry: 'industry',
  employees: 'employees',
  registered_on: 'registeredOn',
  deregistered_on: 'deregisteredOn',
  street_id: 'street',
  park_id: 'park',
  building_id: 'building',
  business_district_id: 'businessDistrict',
  address: 'address',
  is_key: 'isKey',
  declared_party_members: 'declaredPartyMembers',
  declared_has_party_organization: 'declaredHasPartyOrganization',
};

type Stored = Record<string, unknown> & { id: number; version: number; credit_code: string };

interface Payload {
  id?: number;
  version?: number;
  code: string;
  row: Record<string, unknown>;
}

export const organizationsKind: KindHandler = {
  async plan(ctx, rows) {
    const codes = distinct(rows.map((r) => (typeof r.values.creditCode === 'string' ? r.values.creditCode : null)));
    const streets = distinct(rows.map((r) => r.values.street as string | undefined));
    const parks = distinct(rows.map((r) => r.values.park as string | undefined));
    const buildings = distinct(rows.map((r) => r.values.building as string | undefined));
    const districts = distinct(rows.map((r) => r.values.businessDistrict as string | undefined));

    const [existingRows, streetRows, parkRows, buildingRows, districtRows] = await inSequence([
      () => query<Stored>(
        ctx.db,
        `SELECT id, version, credit_code::text AS credit_code, name, category, industry::text AS industry, employees,
           registered_on::text AS registered_on, deregistered_on::text AS deregistered_on, status, street_id, park_id,
           building_id, business_district_id, address, is_key, declared_party_members, declared_has_party_organization
         FROM organization WHERE credit_code = ANY($1::text[]) ${ctx.lock ? 'FOR UPDATE' : ''}`,
        [codes],
      ),
      () => streets.length
        ? query<{ id: number; code: string; name: string }>(
            ctx.db,
            `SELECT id, code::text AS code, name FROM area WHERE level = 'STREET' AND (code = ANY($1::text[]) OR name = ANY($1::text[]))`,
            [streets],
          )
        : [],
      () => parks.length ? query<{ id: number; name: string }>(ctx.db, `SELECT id, name FROM park WHERE name = ANY($1::text[])`, [parks]) : [],
      () => buildings.length
        ? query<{ id: number; name: string; street_id: number }>(ctx.db, `SELECT id, name, street_id FROM building WHERE name = ANY($1::text[])`, [buildings])
        : [],
      () => districts.length
        ? query<{ id: number; name: string; street_id: number }>(
            ctx.db,
            `SELECT id, name, street_id FROM business_district WHERE name = ANY($1::text[])`,
            [districts],
          )
        : [],
    ]);
    const existing = new Map(existingRows.map((r) => [r.credit_code, r]));
    // Codes registered outside the caller's reach (row-level security hides those organizations).
    const hidden = existingRows.length < codes.length
      ? new Set((await query<{ code: string }>(ctx.db, 'SELECT c AS code FROM liangxin_credit_codes_registered($1::text[]) c', [codes])).map((r) => r.code).filter((c) => !existing.has(c)))
      : new Set<string>();
    const streetBy = groupBy(streetRows, (s) => [s.code, s.name]);
    const parkBy = groupBy(parkRows, (p) => [p.name]);
    const buildingBy = groupBy(buildingRows, (b) => [b.name]);
    const districtBy = groupBy(districtRows, (b) => [b.name]);

    const compared = Object.fromEntries(Object.entries(COMPARED).map(([column, field]) => [column, ctx.header(field)]));
    return rows.map((input): PlannedRow => {
      const v = input.values;
      const issues: RowIssue[] = [];
      const code = typeof v.creditCode === 'string' ? v.creditCode : null;
      const stored = code ? existing.get(code) : undefined;

      // Field rules: the domain's, the same as the registerOrganization mutation's.
      const given: Partial<OrganizationFields> = {};
      for (const key of ['creditCode', 'name', 'category', 'industry', 'employees', 'registeredOn', 'deregisteredOn', 'address', 'declaredPartyMembers'] as const) {
        if (v[key] !== undefined) (given as Record<string, unknown>)[key] = v[key];
      }
      const normalized = normalizeOrganizationFields(given);
      const current: OrganizationFields | undefined = stored && {
        name: String(stored.name),
        creditCode: stored.credit_code,
        category: stored.category as string,
        industry: String(stored.industry),
        employees: Number(stored.employees),
        registeredOn: String(stored.registered_on),
        deregisteredOn: (stored.deregistered_on as string | null) ?? null,
        address: (stored.address as string | null) ?? null,
        declaredPartyMembers: (stored.declared_party_members as number | null) ?? null,
      };
      issues.push(...fromDomain(ctx, input, validateOrganizationFields(normalized, ctx.today, current ? { current } : {})));

      // The three syncs: a gate import declares the Party-building facts on every row.
      if (ctx.source) {
        for (const field of ['declaredPartyMembers', 'declaredHasPartyOrganization']) {
          if (v[field] === undefined && !input.blocked.has(field)) {
            const header = ctx.header(field);
            issues.push(
              rowIssue(
                input.row,
                header,
                'BAD_USER_INPUT',
                'REQUIRED_AT_GATE',
                `“三个同步”导入须填写“${header}”`,
                `An import from a registration gate (${ctx.source}) must fill "${header}".`,
              ),
            );
          }
        }
      }

      if (code && !stored && hidden.has(code)) {
        issues.push(
          rowIssue(
            input.row,
            ctx.header('creditCode'),
            'CONFLICT',
            'REGISTERED_OUTSIDE_REACH',
            '该统一社会信用代码已登记在您无权管理的区划',
            'This credit code is already registered in an area outside yours.',
          ),
        );
      }

      // References, by code or name.
      let streetId = stored?.street_id as number | undefined;
      if (typeof v.street === 'string') {
        const found = streetBy.get(v.street) ?? [];
        const header = ctx.header('street');
        if (found.length === 0) {
          issues.push(
            AREA_CODE.test(v.street)
              ? notFound(input, header, 'UNKNOWN_AREA', `找不到街道区划代码 ${v.street}`, `No street has the division code ${v.street}.`)
              : notFound(input, header, 'UNKNOWN_AREA', `找不到名为“${v.street.slice(0, 50)}”的街道`, `No street is called "${v.street.slice(0, 50)}".`),
          );
        } else if (found.length > 1) {
          issues.push(ambiguous(input, header, `有多个街道名为“${v.street}”，请改填9位街道区划代码`, `Several streets are called "${v.street}": use the 9-digit division code.`));
        } else streetId = found[0]!.id;
      }
      const pick = <T extends { id: number; street_id?: number }>(
        field: string,
        by: Map<string, T[]>,
        what: { zh: string; en: string },
        current: number | null | undefined,
      ): number | null | undefined => {
        const name = v[field];
        if (typeof name !== 'string') return current;
        const header = ctx.header(field);
        let found = by.get(name) ?? [];
        if (found.length > 1 && streetId !== undefined) {
          const inStreet = found.filter((x) => x.street_id === streetId);
          if (inStreet.length > 0) found = inStreet;
        }
        if (found.length === 0) {
          issues.push(notFound(input, header, `UNKNOWN_${what.en.toUpperCase().replace(/ /g, '_')}`, `平台中没有名为“${name.slice(0, 50)}”的${what.zh}`, `No ${what.en} is called "${name.slice(0, 50)}".`));
          return current;
        }
        if (found.length > 1) {
          issues.push(ambiguous(input, header, `有多个${what.zh}名为“${name}”`, `Several ${what.en}s are called "${name}".`));
          return current;
        }
        return found[0]!.id;
      };
      const parkId = pick('park', parkBy, { zh: '园区', en: 'park' }, stored?.park_id as number | null);
      const buildingId = pick('building', buildingBy, { zh: '楼宇', en: 'building' }, stored?.building_id as number | null);
      const districtId = pick('businessDistrict', districtBy, { zh: '商圈或市场', en: 'business district' }, stored?.business_district_id as number | null);

      const key = code;
      if (issues.length > 0 || input.issues.length > 0 || !code) return planned(input, key, code, issues, null);

      const pickValue = <T>(field: keyof typeof normalized, storedValue: T): T =>
        (normalized[field] !== undefined ? normalized[field] : storedValue) as T;
      const deregisteredOn = pickValue('deregisteredOn', (stored?.deregistered_on as string | null) ?? null);
      const next: Record<string, unknown> = {
        name: pickValue('name', stored?.name),
        category: pickValue('category', stored?.category),
        industry: pickValue('industry', stored?.industry),
        employees: pickValue('employees', stored?.employees),
        registered_on: pickValue('registeredOn', stored?.registered_on),
        deregistered_on: deregisteredOn,
        status: deregisteredOn ? 'DEREGISTERED' : 'ACTIVE',
        street_id: streetId ?? null,
        park_id: parkId ?? null,
        building_id: buildingId ?? null,
        business_district_id: districtId ?? null,
        address: pickValue('address', (stored?.address as string | null) ?? null),
        is_key: v.isKey !== undefined ? v.isKey : (stored?.is_key ?? false),
        declared_party_members: pickValue('declaredPartyMembers', (stored?.declared_party_members as number | null) ?? null),
        declared_has_party_organization:
          v.declaredHasPartyOrganization !== undefined ? v.declaredHasPartyOrganization : ((stored?.declared_has_party_organization as boolean | null) ?? null),
      };
      const outcome = outcomeOf(stored, next, compared);
      const payload: Payload = { id: stored?.id, version: stored?.version, code, row: next };
      return planned(input, key, code, [], outcome, payload);
    });
  },

  async apply(ctx, rows, audit) {
    const creates = rows.filter((r) => r.outcome === 'CREATE').map((r) => r.payload as Payload);
    const updates = rows.filter((r) => r.outcome === 'UPDATE').map((r) => r.payload as Payload);
    const source = ctx.source ?? 'IMPORT';
    if (creates.length) {
      await insertSet(
        ctx.db,
        {
          table: 'organization',
          nodeType: 'Organization',
          columns: [{ name: 'credit_code', type: 'text' }, ...WRITTEN, { name: 'source', type: 'text' }],
          conflict: '(credit_code)',
          returning: ['id'],
        },
        creates.map((p) => [p.code, ...WRITTEN.map((c) => p.row[c.name]), source]),
        audit,
      );
    }
    if (updates.length) {
      await updateSet(
        ctx.db,
        { table: 'organization', nodeType: 'Organization', columns: WRITTEN, touch: true },
        updates.map((p) => [p.id, p.version, ...WRITTEN.map((c) => p.row[c.name])]),
        audit,
      );
    }
  },
};
