import { Field, InputType, registerEnumType } from 'type-graphql';
import { raw, type Sql } from '../../sql/fragment.js';
import { connectionType, SortDirection } from '../connection.js';
import { CommitteeLevel } from '../enums.js';
import { compileFilter, dateRange, DateRange, intRange, IntRange, oneOfEnum, textMatch, type FieldPath } from '../filters.js';
import type { OrderChoice } from '../list.js';
import { inAreaSubtree, scopeCondition } from '../scope.js';
import { WorkingCommittee } from './working-committee.entity.js';

export const WorkingCommitteeConnection = connectionType(WorkingCommittee, 'WorkingCommittee', 'working committees (两新工委)');

export enum WorkingCommitteeOrderField {
  ID = 'ID',
  NAME = 'NAME',
  ESTABLISHED_ON = 'ESTABLISHED_ON',
}
registerEnumType(WorkingCommitteeOrderField, {
  name: 'WorkingCommitteeOrderField',
  description: 'What working committees can be ordered by.',
  valuesConfig: {
    ID: { description: 'Order of entry in the platform; the default (the city\'s committee first in the demo data).' },
    NAME: { description: 'Name (名称), by Unicode code point (not pinyin).' },
    ESTABLISHED_ON: { description: 'Date established (成立日期).' },
  },
});

// One committee per city and district: a dozen rows, any order sorts in memory.
const ORDER_COLUMNS: Record<WorkingCommitteeOrderField, string> = { ID: 'id', NAME: 'name', ESTABLISHED_ON: 'established_on' };

@InputType('WorkingCommitteeOrder', { description: 'Order of a working-committee list; ties are broken by id.' })
export class WorkingCommitteeOrder {
  @Field(() => WorkingCommitteeOrderField, { description: 'The field to order by.' })
  field: WorkingCommitteeOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending or descending.' })
  direction: SortDirection;
}

export function workingCommitteeOrder(order: WorkingCommitteeOrder | null | undefined): OrderChoice {
  const field = order?.field ?? WorkingCommitteeOrderField.ID;
  return { key: field, column: ORDER_COLUMNS[field], direction: order?.direction ?? SortDirection.ASC };
}

@InputType('WorkingCommitteeFilter', {
  description: 'Conditions on working committees (两新工委筛选). The fields given are ANDed; `and`, `or` and `not` combine whole filters.',
})
export class WorkingCommitteeFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Only committees of this area and the areas beneath it: an administrative division code (e.g. "370100" gives the city\'s and every district\'s, "370102" 历下区\'s) or the id of an Area.',
  })
  scope?: string | null;

  @Field(() => [CommitteeLevel], { nullable: true, description: 'Any of these levels (市级 / 区县级).' })
  level?: CommitteeLevel[] | null;

  @Field(() => DateRange, { nullable: true, description: 'Established (成立) within this range.' })
  establishedOn?: DateRange | null;

  @Field(() => String, { nullable: true, description: 'Name contains this text (名称包含), case-insensitive; Chinese works.' })
  text?: string | null;

  @Field(() => IntRange, { nullable: true, description: 'Number of member units (委员单位数) within this range.' })
  memberUnitCount?: IntRange | null;

  @Field(() => [WorkingCommitteeFilter], { nullable: true, description: 'All of these filters.' })
  and?: WorkingCommitteeFilter[] | null;

  @Field(() => [WorkingCommitteeFilter], { nullable: true, description: 'Any of these filters.' })
  or?: WorkingCommitteeFilter[] | null;

  @Field(() => WorkingCommitteeFilter, { nullable: true, description: 'Not this filter.' })
  not?: WorkingCommitteeFilter | null;
}

/** The filter as SQL conditions on working-committee alias `wc`. */
export function workingCommitteeConditions(filter: WorkingCommitteeFilter | null | undefined, path: FieldPath, wc = 'wc'): Sql[] {
  const col = (name: string) => raw(`${wc}.${name}`);
  return compileFilter(filter, path, (f, at) => [
    ...scopeCondition(f.scope, [...at, 'scope'], { Area: (id) => inAreaSubtree(col('area_id'), id) }),
    ...oneOfEnum(col('level'), f.level),
    ...dateRange(col('established_on'), f.establishedOn, [...at, 'establishedOn']),
    ...textMatch([col('name')], f.text, [...at, 'text']),
    ...intRange(raw(`(SELECT count(*)::int FROM member_unit __mu WHERE __mu.committee_id = ${wc}.id)`), f.memberUnitCount, [
      ...at,
      'memberUnitCount',
    ]),
  ]);
}
