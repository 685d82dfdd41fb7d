import { Field, InputType, registerEnumType } from 'type-graphql';
import { raw, type Sql } from '../../sql/fragment.js';
import { connectionType, SortDirection } from '../connection.js';
import { CommitteeLevel, MemberUnitDomain } from '../enums.js';
import { yesNo } from '../filter-helpers.js';
import { compileFilter, dateRange, DateRange, intRange, IntRange, oneOfEnum, textMatch, type FieldPath } from '../filters.js';
import type { OrderChoice } from '../list.js';
import { inAreaSubtree, scopeCondition } from '../scope.js';
import { MemberUnit } from './member-unit.entity.js';

export const MemberUnitConnection = connectionType(MemberUnit, 'MemberUnit', 'member units (委员单位)');

export enum MemberUnitOrderField {
  ID = 'ID',
  NAME = 'NAME',
  JOINED_ON = 'JOINED_ON',
}
registerEnumType(MemberUnitOrderField, {
  name: 'MemberUnitOrderField',
  description: 'What member units can be ordered by.',
  valuesConfig: {
    ID: { description: 'Order of entry in the platform; the default.' },
    NAME: { description: 'Name (单位名称), by Unicode code point (not pinyin).' },
    JOINED_ON: { description: 'Date it joined the committee (加入日期).' },
  },
});

// About ten member units per committee, a dozen committees: any order sorts in memory.
const ORDER_COLUMNS: Record<MemberUnitOrderField, string> = { ID: 'id', NAME: 'name', JOINED_ON: 'joined_on' };

@InputType('MemberUnitOrder', { description: 'Order of a member-unit list; ties are broken by id.' })
export class MemberUnitOrder {
  @Field(() => MemberUnitOrderField, { description: 'The field to order by.' })
  field: MemberUnitOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending or descending.' })
  direction: SortDirection;
}

export function memberUnitOrder(order: MemberUnitOrder | null | undefined): OrderChoice {
  const field = order?.field ?? MemberUnitOrderField.ID;
  return { key: field, column: ORDER_COLUMNS[field], direction: order?.direction ?? SortDirection.ASC };
}

@InputType('MemberUnitFilter', {
  description: 'Conditions on member units (委员单位筛选). The fields given are ANDed; `and`, `or` and `not` combine whole filters.',
})
export class MemberUnitFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Only member units of the committees of this area and the areas beneath it: an administrative division code (e.g. "370102": 历下区\'s committee; "370100": every committee) or the id of an Area.',
  })
  scope?: string | null;

  @Field(() => [CommitteeLevel], { nullable: true, description: "Their committee's level is any of these (市级 / 区县级)." })
  committeeLevel?: CommitteeLevel[] | null;

  @Field(() => [MemberUnitDomain], { nullable: true, description: 'Any of these supervisory domains (职能领域).' })
  domain?: MemberUnitDomain[] | null;

  @Field(() => DateRange, { nullable: true, description: 'Joined the committee (加入) within this range.' })
  joinedOn?: DateRange | null;

  @Field(() => String, { nullable: true, description: 'Name contains this text (名称包含), case-insensitive; Chinese works.' })
  text?: string | null;

  @Field(() => IntRange, {
    nullable: true,
    description: 'Active organizations it is the business supervisory unit of (主管的存续两新组织数) within this range.',
  })
  supervisedOrganizationCount?: IntRange | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: looks after at least one organization today as a liaison point (包挂联系点, kind MEMBER_UNIT); false: looks after none.',
  })
  hasLiaisonPoint?: boolean | null;

  @Field(() => [MemberUnitFilter], { nullable: true, description: 'All of these filters.' })
  and?: MemberUnitFilter[] | null;

  @Field(() => [MemberUnitFilter], { nullable: true, description: 'Any of these filters.' })
  or?: MemberUnitFilter[] | null;

  @Field(() => MemberUnitFilter, { nullable: true, description: 'Not this filter.' })
  not?: MemberUnitFilter | null;
}

/** The filter as SQL conditions on member-unit alias `mu`. */
export function memberUnitConditions(filter: MemberUnitFilter | null | undefined, path: FieldPath, mu = 'mu'): Sql[] {
  const col = (name: string) => raw(`${mu}.${name}`);
  const committee = (column: string) => raw(`(SELECT __wc.${column} FROM working_committee __wc WHERE __wc.id = ${mu}.committee_id)`);
  return compileFilter(filter, path, (f, at) => [
    ...scopeCondition(f.scope, [...at, 'scope'], { Area: (id) => inAreaSubtree(committee('area_id'), id) }),
    ...oneOfEnum(committee('level'), f.committeeLevel),
    ...oneOfEnum(col('domain'), f.domain),
    ...dateRange(col('joined_on'), f.joinedOn, [...at, 'joinedOn']),
    ...textMatch([col('name')], f.text, [...at, 'text']),
    ...intRange(
      raw(`(SELECT count(*)::int FROM organization __o WHERE __o.supervisory_unit_id = ${mu}.id AND __o.status = 'ACTIVE')`),
      f.supervisedOrganizationCount,
      [...at, 'supervisedOrganizationCount'],
    ),
    ...yesNo(
      raw(`EXISTS (SELECT 1 FROM liaison_point __l WHERE __l.member_unit_id = ${mu}.id AND __l.kind = 'MEMBER_UNIT' AND __l.until IS NULL)`),
      f.hasLiaisonPoint,
    ),
  ]);
}
