import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { and, raw, sql, type Sql } from '../../sql/fragment.js';
import { connectionType, SortDirection } from '../connection.js';
import { PartyOrganizationAnchor, PartyOrganizationFormation, PartyOrganizationKind } from '../enums.js';
import { yesNo } from '../filter-helpers.js';
import { compileFilter, dateRange, DateRange, intRange, IntRange, oneOf, oneOfEnum, textMatch, type FieldPath } from '../filters.js';
import type { OrderChoice } from '../list.js';
import { inAreaSubtree, scopeCondition, type ScopeRelations } from '../scope.js';
import { PartyOrganization } from './party-organization.entity.js';
import { activeAt, weakAt, weakPartyOrganizationCondition } from '../coverage/coverage.sql.js';
import { coverageAtField } from '../coverage/coverage.args.js';
import { LocalDate } from '../scalars.js';

export const PartyOrganizationConnection = connectionType(PartyOrganization, 'PartyOrganization', 'Party organizations (党组织)');

export enum PartyOrganizationOrderField {
  ID = 'ID',
  ESTABLISHED_ON = 'ESTABLISHED_ON',
}
registerEnumType(PartyOrganizationOrderField, {
  name: 'PartyOrganizationOrderField',
  description: 'What Party organizations can be ordered by (each indexed).',
  valuesConfig: {
    ID: { description: 'Order of entry in the platform.' },
    ESTABLISHED_ON: { description: 'Date established (成立日期).' },
  },
});

const ORDER_COLUMNS: Record<PartyOrganizationOrderField, string> = {
  ID: 'id',
  ESTABLISHED_ON: 'established_on',
};

@InputType('PartyOrganizationOrder', { description: 'Order of a Party organization list; ties are broken by id.' })
export class PartyOrganizationOrder {
  @Field(() => PartyOrganizationOrderField, { description: 'The field to order by.' })
  field: PartyOrganizationOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending or descending.' })
  direction: SortDirection;
}

export function partyOrganizationOrder(order: PartyOrganizationOrder | null | undefined): OrderChoice {
  const field = order?.field ?? PartyOrganizationOrderField.ID;
  return { key: field, column: ORDER_COLUMNS[field], direction: order?.direction ?? SortDirection.ASC };
}

@InputType('PartyOrganizationWeakFilter', {
  description:
    'Weak or active on a date (某日作用发挥情况), by the rule of `CoverageStats.weakPartyOrganizations` (docs/measures.md): with the scope of `coverage(scope:)` and the same `asOf` and `window`, `weak: true` lists exactly the Party organizations that count counts.',
})
export class PartyOrganizationWeakFilter {
  @Field(() => Boolean, {
    defaultValue: true,
    description:
      'true: weak (作用发挥较弱): standing on `asOf` (established on or before it, not dissolved on or before it) with no activity in the window; false: standing with at least one activity in it. Dissolved ones match neither.',
  })
  weak: boolean;

  @Field(() => LocalDate, { nullable: true, description: 'The date (基准日期); default today in Asia/Shanghai. At most a year ahead.' })
  asOf?: string | null;

  @Field(() => Int, { nullable: true, description: 'Days of the window for activities, ending on asOf inclusive (时间窗口); default 90, from 1 to 3650.' })
  window?: number | null;
}

@InputType('PartyOrganizationFilter', {
  description:
    'Conditions on Party organizations (党组织筛选). The fields given are ANDed; `and`, `or` and `not` combine whole filters.',
})
export class PartyOrganizationFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Only Party organizations in this scope and everything beneath it: an administrative division code or Area id (those belonging to the area or any area beneath it); a Park, Building or BusinessDistrict id (anchored on it, on a building in the park, or on an organization located in it); a PartyOrganization id (it and all Party organizations beneath it).',
  })
  scope?: string | null;

  @Field(() => [PartyOrganizationKind], { nullable: true, description: 'Any of these kinds (党委 / 党总支 / 党支部).' })
  kind?: PartyOrganizationKind[] | null;

  @Field(() => [PartyOrganizationFormation], { nullable: true, description: 'Any of these formations (单独组建 / 联合组建).' })
  formation?: PartyOrganizationFormation[] | null;

  @Field(() => [PartyOrganizationAnchor], { nullable: true, description: 'Anchored on any of these (依托).' })
  anchor?: PartyOrganizationAnchor[] | null;

  @Field(() => [String], { nullable: true, description: 'Industry Party committees of any of these industry sections (行业门类, A–T).' })
  industry?: string[] | null;

  @Field(() => DateRange, { nullable: true, description: 'Established (成立) within this range.' })
  establishedOn?: DateRange | null;

  @Field(() => DateRange, { nullable: true, description: 'Dissolved (撤销) within this range.' })
  dissolvedOn?: DateRange | null;

  @Field(() => Boolean, { nullable: true, description: 'true: dissolved (已撤销); false: still standing.' })
  dissolved?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'true: has a parent Party organization (有上级党组织); false: has none.' })
  hasParent?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'true: a secretary (书记) is recorded; false: none is.' })
  hasSecretary?: boolean | null;

  @Field(() => IntRange, {
    nullable: true,
    description: 'Number of members whose organizational relation is held here (组织关系在此的党员数), within this range.',
  })
  members?: IntRange | null;

  @Field(() => IntRange, { nullable: true, description: 'Number of organizations it covers now (覆盖组织数), within this range.' })
  coveredOrganizations?: IntRange | null;

  @Field(() => DateRange, {
    nullable: true,
    description:
      'Held at least one activity (开展活动) within this range. A weak Party organization (作用发挥较弱) is `not: { activityHeldOn: { from: <90 days ago> } }`.',
  })
  activityHeldOn?: DateRange | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: weak today (作用发挥较弱): standing (established, not dissolved) with no activity in the 90 days ending today (Asia/Shanghai); false: standing with at least one activity in those 90 days. Dissolved ones match neither. For other dates and windows use `weakAt`.',
  })
  weak?: boolean | null;

  @Field(() => PartyOrganizationWeakFilter, {
    nullable: true,
    description:
      'Weak (or active) on any date with any window (某日作用发挥较弱): the Party organizations behind `coverage { weakPartyOrganizations }`. `weak` is the same for today and 90 days.',
  })
  weakAt?: PartyOrganizationWeakFilter | null;

  @Field(() => String, { nullable: true, description: 'Name contains this text (名称包含), case-insensitive; Chinese works.' })
  text?: string | null;

  @Field(() => [PartyOrganizationFilter], { nullable: true, description: 'All of these filters.' })
  and?: PartyOrganizationFilter[] | null;

  @Field(() => [PartyOrganizationFilter], { nullable: true, description: 'Any of these filters.' })
  or?: PartyOrganizationFilter[] | null;

  @Field(() => PartyOrganizationFilter, { nullable: true, description: 'Not this filter.' })
  not?: PartyOrganizationFilter | null;
}

/** Ids of the Party organization `rootId` and every Party organization beneath it. */
export function partyOrganizationSubtree(rootId: Sql): Sql {
  return sql`(WITH RECURSIVE __pod(id) AS (SELECT ${rootId} UNION SELECT __poc.id FROM party_organization __poc JOIN __pod ON __poc.parent_id = __pod.id) SELECT id FROM __pod)`;
}

/**
 * What each kind of scope means for a Party organization row `p`: belonging to the area subtree;
 * anchored on the container or on something inside it; being in the Party organization subtree.
 */
export function partyOrganizationScopeRelations(p: string): Required<ScopeRelations> {
  const col = (name: string) => raw(`${p}.${name}`);
  return {
    Area: (id) => inAreaSubtree(col('area_id'), id),
    Park: (id) =>
      sql`(${col('park_id')} = ${id} OR ${col('building_id')} IN (SELECT __b.id FROM building __b WHERE __b.park_id = ${id}) OR ${col('organization_id')} IN (SELECT __o.id FROM organization __o WHERE __o.park_id = ${id}))`,
    Building: (id) => sql`(${col('building_id')} = ${id} OR ${col('organization_id')} IN (SELECT __o.id FROM organization __o WHERE __o.building_id = ${id}))`,
    BusinessDistrict: (id) =>
      sql`(${col('business_district_id')} = ${id} OR ${col('organization_id')} IN (SELECT __o.id FROM organization __o WHERE __o.business_district_id = ${id}))`,
    PartyOrganization: (id) => sql`${col('id')} IN ${partyOrganizationSubtree(id)}`,
  };
}

/**
 * The same scopes for a row that references a Party organization through `column` (an
 * activity's, a fund entry's, a member's relation): the referenced one is in scope.
 */
export function viaPartyOrganizationScope(column: Sql): Required<ScopeRelations> {
  const relations = partyOrganizationScopeRelations('__ps');
  const via = (relate: (id: Sql) => Sql) => (id: Sql) => sql`${column} IN (SELECT __ps.id FROM party_organization __ps WHERE ${relate(id)})`;
  return {
    Area: via(relations.Area),
    Park: via(relations.Park),
    Building: via(relations.Building),
    BusinessDistrict: via(relations.BusinessDistrict),
    PartyOrganization: (id) => sql`${column} IN ${partyOrganizationSubtree(id)}`,
  };
}

/** The filter as SQL conditions on Party organization alias `p`. */
export function partyOrganizationConditions(filter: PartyOrganizationFilter | null | undefined, path: FieldPath, p = 'p'): Sql[] {
  const col = (name: string) => raw(`${p}.${name}`);
  return compileFilter(filter, path, (f, at) => {
    const conditions = [
      ...scopeCondition(f.scope, [...at, 'scope'], partyOrganizationScopeRelations(p)),
      ...oneOfEnum(col('kind'), f.kind),
      ...oneOfEnum(col('formation'), f.formation),
      ...oneOfEnum(col('anchor'), f.anchor),
      ...oneOf(col('industry'), f.industry),
      ...dateRange(col('established_on'), f.establishedOn, [...at, 'establishedOn']),
      ...dateRange(col('dissolved_on'), f.dissolvedOn, [...at, 'dissolvedOn']),
      ...yesNo(raw(`${p}.dissolved_on IS NOT NULL`), f.dissolved),
      ...yesNo(raw(`${p}.parent_id IS NOT NULL`), f.hasParent),
      ...yesNo(raw(`${p}.secretary_member_id IS NOT NULL`), f.hasSecretary),
      ...intRange(raw(`(SELECT count(*) FROM party_member __m WHERE __m.party_organization_id = ${p}.id)`), f.members, [...at, 'members']),
      ...intRange(
        raw(`(SELECT count(*) FROM party_organization_coverage __c WHERE __c.party_organization_id = ${p}.id AND __c.until IS NULL)`),
        f.coveredOrganizations,
        [...at, 'coveredOrganizations'],
      ),
      ...(f.weak == null ? [] : [weakPartyOrganizationCondition(p, f.weak)]),
      ...weakAtConditions(p, f.weakAt, [...at, 'weakAt']),
      ...textMatch([col('name')], f.text, [...at, 'text']),
    ];
    if (f.activityHeldOn) {
      const held = dateRange(raw('__act.held_on'), f.activityHeldOn, [...at, 'activityHeldOn']);
      conditions.push(sql`EXISTS (SELECT 1 FROM activity __act WHERE ${and([sql`__act.party_organization_id = ${col('id')}`, ...held])})`);
    }
    return conditions;
  });
}

function weakAtConditions(p: string, filter: PartyOrganizationWeakFilter | null | undefined, path: FieldPath): Sql[] {
  if (!filter) return [];
  const at = coverageAtField(filter.asOf, filter.window, path);
  return [filter.weak === false ? activeAt(p, at) : weakAt(p, at)];
}
