import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { isIsoDate, todayInShanghai } from '@liangxin/domain';
import type { Principal } from '../../auth/principal.js';
import { BadUserInputError } from '../../errors/bad-user-input.error.js';
import { raw, sql, type Sql } from '../../sql/fragment.js';
import { connectionType, SortDirection } from '../connection.js';
import { coverageAtField } from '../coverage/coverage.args.js';
import { coverageClassAt, dates, newlyOrganizationCovered, standaloneEligibleAt } from '../coverage/coverage.sql.js';
import { CoverageStatus } from '../coverage/coverage.types.js';
import { OrganizationCategory, OrganizationStatus } from '../enums.js';
import { compileFilter, dateRange, DateRange, intRange, IntRange, oneOf, oneOfEnum, textMatch, type FieldPath } from '../filters.js';
import type { ListKind, OrderChoice } from '../list.js';
import { inAreaSubtree, scopeCondition } from '../scope.js';
import { yesNo } from '../filter-helpers.js';
import { LocalDate } from '../scalars.js';
import { Organization } from './organization.entity.js';

export const OrganizationConnection = connectionType(Organization, 'Organization', 'organizations (两新组织)');

export enum OrganizationOrderField {
  ID = 'ID',
  NAME = 'NAME',
  CREDIT_CODE = 'CREDIT_CODE',
  REGISTERED_ON = 'REGISTERED_ON',
  EMPLOYEES = 'EMPLOYEES',
  WORK_GROUP_FIRST = 'WORK_GROUP_FIRST',
}
registerEnumType(OrganizationOrderField, {
  name: 'OrganizationOrderField',
  description: 'What organizations can be ordered by (each indexed).',
  valuesConfig: {
    ID: { description: 'Order of registration in the platform.' },
    NAME: { description: 'Name (名称).' },
    CREDIT_CODE: { description: 'Unified social credit code (统一社会信用代码).' },
    REGISTERED_ON: { description: 'Date registered (登记日期).' },
    EMPLOYEES: { description: 'Number of employees (从业人员数).' },
    WORK_GROUP_FIRST: {
      description:
        "The signed-in street worker's own organizations first — those they look after as the work-group member (专包) today — then the rest, each part by id. The default for a street worker whose account names their work-group entry; for anyone else the same as ID.",
    },
  },
});

const ORDER_COLUMNS: Record<OrganizationOrderField, string> = {
  ID: 'id',
  NAME: 'name',
  CREDIT_CODE: 'credit_code',
  REGISTERED_ON: 'registered_on',
  EMPLOYEES: 'employees',
  WORK_GROUP_FIRST: 'id',
};

@InputType('OrganizationOrder', {
  description: "Order of an organization list; ties are broken by id. Without one: by id, except for a street worker: WORK_GROUP_FIRST.",
})
export class OrganizationOrder {
  @Field(() => OrganizationOrderField, { description: 'The field to order by.' })
  field: OrganizationOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending or descending.' })
  direction: SortDirection;
}

export function organizationOrder(order: OrganizationOrder | null | undefined, principal: Principal | null): OrderChoice {
  const field = order?.field ?? (principal?.role === 'STREET_WORKER' ? OrganizationOrderField.WORK_GROUP_FIRST : OrganizationOrderField.ID);
  const direction = order?.direction ?? SortDirection.ASC;
  if (field === OrganizationOrderField.WORK_GROUP_FIRST) {
    // Issue 6: a street worker sees "the organizations they 专包 first". Only an account can look
    // after organizations; for anyone else this order is by id (under its own key, for the cursor).
    if (principal?.kind !== 'account') return { key: field, column: 'id', direction };
    return { key: field, column: 'id', direction, expression: notLookedAfterBy(principal.id, todayInShanghai()) };
  }
  return { key: field, column: ORDER_COLUMNS[field], direction };
}

/**
 * false for an organization the account looks after as its work-group member (专包) on `day` — a
 * WORK_GROUP liaison point of the account's work-group entry holding that day (since ≤ day, until
 * null or after it: the interval rule of docs/measures.md) — true for the rest; so ascending puts
 * theirs first. The account row is the caller's own, which row-level security lets them read.
 */
function notLookedAfterBy(accountId: number, day: string): Sql {
  return sql`NOT EXISTS (SELECT 1 FROM liaison_point __lp JOIN account __a ON __a.work_group_member_id = __lp.work_group_member_id
    WHERE __a.id = ${accountId} AND __lp.organization_id = o.id AND __lp.kind = 'WORK_GROUP'
      AND __lp.since <= ${day}::date AND (__lp.until IS NULL OR __lp.until > ${day}::date))`;
}

@InputType('OrganizationCoverageFilter', {
  description:
    'Coverage on a date (某日覆盖状态), by the rules of `CoverageStats` (docs/measures.md): only organizations in scope on `asOf` (registered on or before it, not deregistered on or before it), of the given coverage statuses. With the scope of `coverage(scope:)` and the same `asOf` and `window`, the list holds exactly the organizations a `CoverageStats` count counts: no status for `inScope`; ORGANIZATION_COVERED, WORK_COVERED or BLIND_SPOT for the count of that name; WORK_COVERED and BLIND_SPOT with `standaloneEligible: true` for `standaloneEligibleUncovered`.',
})
export class OrganizationCoverageFilter {
  @Field(() => LocalDate, { nullable: true, description: 'The date (基准日期); default today in Asia/Shanghai. At most a year ahead.' })
  asOf?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Days of the window for visits, ending on asOf inclusive (时间窗口); default 90, from 1 to 3650. Only WORK_COVERED and BLIND_SPOT depend on it.',
  })
  window?: number | null;

  @Field(() => [CoverageStatus], { nullable: true, description: 'Any of these statuses on `asOf` (覆盖状态); default: any (every organization in scope).' })
  status?: CoverageStatus[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: employs 3 or more full Party members on `asOf` (full on or before it, employed there since on or before it): could form its own Party organization (具备单独组建条件); false: fewer.',
  })
  standaloneEligible?: boolean | null;
}

@InputType('OrganizationFilter', {
  description:
    'Conditions on organizations (两新组织筛选). The fields given are ANDed; `and`, `or` and `not` combine whole filters.',
})
export class OrganizationFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Only organizations in this scope and everything beneath it: an administrative division code (e.g. "370102" for 历下区, a 9-digit street code) or the id of an Area, Park, Building, BusinessDistrict or PartyOrganization (the organizations it covers).',
  })
  scope?: string | null;

  @Field(() => [OrganizationCategory], { nullable: true, description: 'Any of these categories (组织类别).' })
  category?: OrganizationCategory[] | null;

  @Field(() => [String], { nullable: true, description: 'Any of these industry sections (行业门类, GB/T 4754 letters A–T).' })
  industry?: string[] | null;

  @Field(() => [OrganizationStatus], { nullable: true, description: 'Any of these statuses (登记状态). Default: all.' })
  status?: OrganizationStatus[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Key organizations (重点组织) only, or none of them.' })
  isKey?: boolean | null;

  @Field(() => DateRange, { nullable: true, description: 'Registered (登记) within this range.' })
  registeredOn?: DateRange | null;

  @Field(() => DateRange, { nullable: true, description: 'Deregistered (注销) within this range.' })
  deregisteredOn?: DateRange | null;

  @Field(() => IntRange, { nullable: true, description: 'Employees (从业人员数) within this range.' })
  employees?: IntRange | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: covered now by at least one Party organization (已建党组织/被党组织覆盖: its own, a joint one, or a container one that lists it); false: covered by none.',
  })
  hasPartyOrganization?: boolean | null;

  @Field(() => OrganizationCoverageFilter, {
    nullable: true,
    description:
      'In scope on a date and of the given coverage statuses on it (某日覆盖状态): the organizations behind the counts of `CoverageStats`. `hasPartyOrganization` says what covers them today; this says what covered them on `asOf`.',
  })
  coverage?: OrganizationCoverageFilter | null;

  @Field(() => DateRange, {
    nullable: true,
    description:
      "Newly organization-covered (新增组织覆盖) in this period, both ends required: in scope and organization-covered on `to`, not (in scope and organization-covered) on the day before `from` — the cadence report's `organizationsNewlyCovered` for the period.",
  })
  newlyCovered?: DateRange | null;

  @Field(() => Boolean, { nullable: true, description: 'true: has a current Party-building instructor (党建工作指导员); false: has none.' })
  hasInstructor?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'true: located in an industrial park (园区); false: not in any.' })
  inPark?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'true: located in a commercial building (楼宇); false: not in any.' })
  inBuilding?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'true: located in a business district or market (商圈/市场); false: not in any.' })
  inBusinessDistrict?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Name or credit code contains this text (名称或信用代码包含), case-insensitive; Chinese works.' })
  text?: string | null;

  @Field(() => [OrganizationFilter], { nullable: true, description: 'All of these filters.' })
  and?: OrganizationFilter[] | null;

  @Field(() => [OrganizationFilter], { nullable: true, description: 'Any of these filters.' })
  or?: OrganizationFilter[] | null;

  @Field(() => OrganizationFilter, { nullable: true, description: 'Not this filter.' })
  not?: OrganizationFilter | null;
}

/**
 * Current Party-organization coverage of organization row `o`: a covering edge with no end. A
 * dissolved Party organization's edges are ended by the database on dissolution (migration
 * DissolutionEndsCoverage), so this needs no check of the Party organization itself.
 */
export function coveredNow(o: string): Sql {
  return raw(`EXISTS (SELECT 1 FROM party_organization_coverage __c WHERE __c.organization_id = ${o}.id AND __c.until IS NULL)`);
}

/** The filter as SQL conditions on organization alias `o`. */
export function organizationConditions(filter: OrganizationFilter | null | undefined, path: FieldPath, o = 'o'): Sql[] {
  const col = (name: string) => raw(`${o}.${name}`);
  return compileFilter(filter, path, (f, at) => [
    ...scopeCondition(f.scope, [...at, 'scope'], {
      Area: (id) => inAreaSubtree(col('street_id'), id),
      Park: (id) => sql`${col('park_id')} = ${id}`,
      Building: (id) => sql`${col('building_id')} = ${id}`,
      BusinessDistrict: (id) => sql`${col('business_district_id')} = ${id}`,
      PartyOrganization: (id) =>
        sql`${col('id')} IN (SELECT organization_id FROM party_organization_coverage WHERE party_organization_id = ${id} AND until IS NULL)`,
    }),
    ...oneOfEnum(col('category'), f.category),
    ...oneOf(col('industry'), f.industry),
    ...oneOfEnum(col('status'), f.status),
    ...(f.isKey == null ? [] : [sql`${col('is_key')} = ${f.isKey}`]),
    ...dateRange(col('registered_on'), f.registeredOn, [...at, 'registeredOn']),
    ...dateRange(col('deregistered_on'), f.deregisteredOn, [...at, 'deregisteredOn']),
    ...intRange(col('employees'), f.employees, [...at, 'employees']),
    ...yesNo(coveredNow(o), f.hasPartyOrganization),
    ...yesNo(
      raw(`EXISTS (SELECT 1 FROM liaison_point __l WHERE __l.organization_id = ${o}.id AND __l.kind = 'INSTRUCTOR' AND __l.until IS NULL)`),
      f.hasInstructor,
    ),
    ...yesNo(raw(`${o}.park_id IS NOT NULL`), f.inPark),
    ...yesNo(raw(`${o}.building_id IS NOT NULL`), f.inBuilding),
    ...yesNo(raw(`${o}.business_district_id IS NOT NULL`), f.inBusinessDistrict),
    ...textMatch([col('name'), col('credit_code')], f.text, [...at, 'text']),
    ...coverageConditions(o, f.coverage, [...at, 'coverage']),
    ...newlyCoveredConditions(o, f.newlyCovered, [...at, 'newlyCovered']),
  ]);
}

function coverageConditions(o: string, filter: OrganizationCoverageFilter | null | undefined, path: FieldPath): Sql[] {
  if (!filter) return [];
  const at = coverageAtField(filter.asOf, filter.window, path);
  const conditions = [coverageClassAt(o, at, filter.status)];
  if (filter.standaloneEligible != null) conditions.push(...yesNo(standaloneEligibleAt(o, dates(at).d), filter.standaloneEligible));
  return conditions;
}

function newlyCoveredConditions(o: string, range: DateRange | null | undefined, path: FieldPath): Sql[] {
  if (!range) return [];
  const { from, to } = range;
  for (const [name, value] of [['from', from], ['to', to]] as const) {
    if (value == null) {
      const en = `newlyCovered needs both ends of the period; ${name} is missing.`;
      throw new BadUserInputError(en, {
        field: [...path, name],
        reason: 'RANGE_OPEN',
        localizedMessage: { zh: `新增组织覆盖（newlyCovered）须给出期间的起止日期，缺少 ${name}`, en },
      });
    }
    if (!isIsoDate(value)) throw new BadUserInputError(`${name} is not a calendar date.`, { field: [...path, name], reason: 'DATE' });
  }
  if (from! > to!) {
    throw new BadUserInputError('The range ends before it starts.', {
      field: [...path, 'to'],
      reason: 'RANGE_ORDER',
      localizedMessage: { zh: '区间的结束日期早于开始日期', en: 'The range ends before it starts.' },
    });
  }
  return [newlyOrganizationCovered(o, from!, to!)];
}

/** How organizations are listed, for root lists and every relation leading to them. */
export const organizationKind: ListKind<Organization, OrganizationFilter, OrganizationOrder> = {
  entity: Organization,
  alias: 'o',
  conditions: organizationConditions,
  order: organizationOrder,
};
