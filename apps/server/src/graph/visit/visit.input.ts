import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { raw, sql, type Sql } from '../../sql/fragment.js';
import { connectionType, SortDirection } from '../connection.js';
import { Intention, LiaisonKind } from '../enums.js';
import { yesNo } from '../filter-helpers.js';
import { compileFilter, dateRange, DateRange, oneOfEnum, textMatch, type FieldPath } from '../filters.js';
import { viaOrganizationScope } from '../liaison-point/liaison-point.input.js';
import { parseResponsible } from '../liaison-point/responsible.js';
import type { OrderChoice } from '../list.js';
import { scopeCondition } from '../scope.js';
import { Visit } from './visit.entity.js';

export const VisitConnection = connectionType(Visit, 'Visit', 'visits (走访)');

export enum VisitOrderField {
  ID = 'ID',
  VISITED_ON = 'VISITED_ON',
}
registerEnumType(VisitOrderField, {
  name: 'VisitOrderField',
  description: 'What visits can be ordered by (each indexed).',
  valuesConfig: {
    ID: { description: 'Order of entry in the platform.' },
    VISITED_ON: { description: 'Date of the visit (走访日期).' },
  },
});

const ORDER_COLUMNS: Record<VisitOrderField, string> = { ID: 'id', VISITED_ON: 'visited_on' };

@InputType('VisitOrder', { description: 'Order of a visit list; ties are broken by id.' })
export class VisitOrder {
  @Field(() => VisitOrderField, { description: 'The field to order by.' })
  field: VisitOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending or descending.' })
  direction: SortDirection;
}

export function visitOrder(order: VisitOrder | null | undefined): OrderChoice {
  const field = order?.field ?? VisitOrderField.ID;
  return { key: field, column: ORDER_COLUMNS[field], direction: order?.direction ?? SortDirection.ASC };
}

@InputType('VisitFilter', {
  description: 'Conditions on visits (走访筛选). The fields given are ANDed; `and`, `or` and `not` combine whole filters.',
})
export class VisitFilter {
  @Field(() => String, {
    nullable: true,
    description:
      "Only visits to organizations in this scope and everything beneath it: a division code or Area id, a Park, Building or BusinessDistrict id (by the organization's location), a PartyOrganization id (organizations it covers).",
  })
  scope?: string | null;

  @Field(() => DateRange, { nullable: true, description: 'Visited (走访) within this range.' })
  visitedOn?: DateRange | null;

  @Field(() => [Intention], { nullable: true, description: "The owner's recorded intention (负责人建立党组织意向) is any of these." })
  ownerIntention?: Intention[] | null;

  @Field(() => [Intention], { nullable: true, description: "The members' recorded intention (党员转入意向) is any of these." })
  membersIntention?: Intention[] | null;

  @Field(() => [LiaisonKind], { nullable: true, description: 'Made on a liaison point of any of these kinds (联系点类型).' })
  liaisonKind?: LiaisonKind[] | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Made on a liaison point this body answers for: the id of a WorkingCommittee, MemberUnit, WorkGroupMember or Instructor.',
  })
  responsible?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: problems were raised (反映了问题); false: none were recorded.' })
  hasProblems?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Visitor, problems or help given contain this text (走访人、问题或帮助事项包含), case-insensitive; Chinese works.',
  })
  text?: string | null;

  @Field(() => [VisitFilter], { nullable: true, description: 'All of these filters.' })
  and?: VisitFilter[] | null;

  @Field(() => [VisitFilter], { nullable: true, description: 'Any of these filters.' })
  or?: VisitFilter[] | null;

  @Field(() => VisitFilter, { nullable: true, description: 'Not this filter.' })
  not?: VisitFilter | null;
}

/** The filter as SQL conditions on visit alias `v`. */
export function visitConditions(filter: VisitFilter | null | undefined, path: FieldPath, v = 'v'): Sql[] {
  const col = (name: string) => raw(`${v}.${name}`);
  return compileFilter(filter, path, (f, at) => {
    const conditions = [
      ...scopeCondition(f.scope, [...at, 'scope'], viaOrganizationScope(col('organization_id'))),
      ...dateRange(col('visited_on'), f.visitedOn, [...at, 'visitedOn']),
      ...oneOfEnum(col('owner_intention'), f.ownerIntention),
      ...oneOfEnum(col('members_intention'), f.membersIntention),
      ...(f.liaisonKind == null
        ? []
        : [sql`${col('liaison_point_id')} IN (SELECT __vl.id FROM liaison_point __vl WHERE __vl.kind = ANY(${[...f.liaisonKind]}))`]),
      ...yesNo(raw(`coalesce(btrim(${v}.problems), '') <> ''`), f.hasProblems),
      ...textMatch([col('visitor'), col('problems'), col('help_given')], f.text, [...at, 'text']),
    ];
    if (f.responsible != null) {
      const responsible = parseResponsible(f.responsible, [...at, 'responsible']);
      conditions.push(
        sql`${col('liaison_point_id')} IN (SELECT __vl.id FROM liaison_point __vl WHERE ${raw(`__vl.${responsible.column}`)} = ${responsible.id}::int)`,
      );
    }
    return conditions;
  });
}
