import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { and, raw, sql, type Sql } from '../../sql/fragment.js';
import { connectionType, SortDirection } from '../connection.js';
import { LiaisonKind } from '../enums.js';
import { yesNo } from '../filter-helpers.js';
import { compileFilter, dateRange, DateRange, intRange, IntRange, oneOfEnum, type FieldPath } from '../filters.js';
import type { OrderChoice } from '../list.js';
import { inAreaSubtree, scopeCondition, type ScopeRelations } from '../scope.js';
import { LiaisonPoint } from './liaison-point.entity.js';
import { parseResponsible } from './responsible.js';

export const LiaisonPointConnection = connectionType(LiaisonPoint, 'LiaisonPoint', 'liaison points (联系点)');

export enum LiaisonPointOrderField {
  ID = 'ID',
}
registerEnumType(LiaisonPointOrderField, {
  name: 'LiaisonPointOrderField',
  description: 'What liaison points can be ordered by (each indexed; more orders come with their indexes).',
  valuesConfig: {
    ID: { description: 'Order of entry in the platform.' },
  },
});

const ORDER_COLUMNS: Record<LiaisonPointOrderField, string> = { ID: 'id' };

@InputType('LiaisonPointOrder', { description: 'Order of a liaison point list; ties are broken by id.' })
export class LiaisonPointOrder {
  @Field(() => LiaisonPointOrderField, { description: 'The field to order by.' })
  field: LiaisonPointOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending or descending.' })
  direction: SortDirection;
}

export function liaisonPointOrder(order: LiaisonPointOrder | null | undefined): OrderChoice {
  const field = order?.field ?? LiaisonPointOrderField.ID;
  return { key: field, column: ORDER_COLUMNS[field], direction: order?.direction ?? SortDirection.ASC };
}

@InputType('LiaisonPointFilter', {
  description: 'Conditions on liaison points (联系点筛选). The fields given are ANDed; `and`, `or` and `not` combine whole filters.',
})
export class LiaisonPointFilter {
  @Field(() => String, {
    nullable: true,
    description:
      "Only liaison points whose organization is in this scope and everything beneath it: a division code or Area id, a Park, Building or BusinessDistrict id (by the organization's location), a PartyOrganization id (organizations it covers).",
  })
  scope?: string | null;

  @Field(() => [LiaisonKind], { nullable: true, description: 'Any of these kinds (联系点类型).' })
  kind?: LiaisonKind[] | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only those this body answers for (责任方): the id of a WorkingCommittee, MemberUnit, WorkGroupMember or Instructor.',
  })
  responsible?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: the tie holds today (当前有效); false: it has ended.' })
  current?: boolean | null;

  @Field(() => DateRange, { nullable: true, description: 'The tie began (建立联系) within this range.' })
  since?: DateRange | null;

  @Field(() => DateRange, { nullable: true, description: 'The tie ended (结束) within this range.' })
  until?: DateRange | null;

  @Field(() => Boolean, { nullable: true, description: 'true: at least one visit (走访) is recorded on it; false: none is.' })
  hasVisits?: boolean | null;

  @Field(() => DateRange, {
    nullable: true,
    description: 'Visited at least once within this range (该期间有走访). Work coverage (工作覆盖) asks for a visit in the last 90 days.',
  })
  visitedOn?: DateRange | null;

  @Field(() => IntRange, { nullable: true, description: 'Number of visits recorded on it (走访次数), within this range.' })
  visits?: IntRange | null;

  @Field(() => [LiaisonPointFilter], { nullable: true, description: 'All of these filters.' })
  and?: LiaisonPointFilter[] | null;

  @Field(() => [LiaisonPointFilter], { nullable: true, description: 'Any of these filters.' })
  or?: LiaisonPointFilter[] | null;

  @Field(() => LiaisonPointFilter, { nullable: true, description: 'Not this filter.' })
  not?: LiaisonPointFilter | null;
}

/**
 * Scopes for a row tied to an organization through `column` (a liaison point's, a visit's): the
 * organization's location, or its coverage by a Party organization.
 */
export function viaOrganizationScope(column: Sql): Required<ScopeRelations> {
  const where = (condition: Sql) => sql`${column} IN (SELECT __so.id FROM organization __so WHERE ${condition})`;
  return {
    Area: (id) => where(inAreaSubtree(raw('__so.street_id'), id)),
    Park: (id) => where(sql`__so.park_id = ${id}`),
    Building: (id) => where(sql`__so.building_id = ${id}`),
    BusinessDistrict: (id) => where(sql`__so.business_district_id = ${id}`),
    PartyOrganization: (id) =>
      sql`${column} IN (SELECT __sc.organization_id FROM party_organization_coverage __sc WHERE __sc.party_organization_id = ${id} AND __sc.until IS NULL)`,
  };
}

/** The filter as SQL conditions on liaison point alias `l`. */
export function liaisonPointConditions(filter: LiaisonPointFilter | null | undefined, path: FieldPath, l = 'l'): Sql[] {
  const col = (name: string) => raw(`${l}.${name}`);
  return compileFilter(filter, path, (f, at) => {
    const conditions = [
      ...scopeCondition(f.scope, [...at, 'scope'], viaOrganizationScope(col('organization_id'))),
      ...oneOfEnum(col('kind'), f.kind),
      ...yesNo(raw(`${l}.until IS NULL`), f.current),
      ...dateRange(col('since'), f.since, [...at, 'since']),
      ...dateRange(col('until'), f.until, [...at, 'until']),
      ...yesNo(raw(`EXISTS (SELECT 1 FROM visit __lv WHERE __lv.liaison_point_id = ${l}.id)`), f.hasVisits),
      ...intRange(raw(`(SELECT count(*) FROM visit __lv WHERE __lv.liaison_point_id = ${l}.id)`), f.visits, [...at, 'visits']),
    ];
    if (f.responsible != null) {
      const responsible = parseResponsible(f.responsible, [...at, 'responsible']);
      conditions.push(sql`${col(responsible.column)} = ${responsible.id}::int`);
    }
    if (f.visitedOn) {
      const held = dateRange(raw('__lv.visited_on'), f.visitedOn, [...at, 'visitedOn']);
      conditions.push(sql`EXISTS (SELECT 1 FROM visit __lv WHERE ${and([sql`__lv.liaison_point_id = ${col('id')}`, ...held])})`);
    }
    return conditions;
  });
}
