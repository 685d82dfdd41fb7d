import { Field, InputType, registerEnumType } from 'type-graphql';
import { raw, type Sql } from '../../sql/fragment.js';
import { connectionType, SortDirection } from '../connection.js';
import { yesNo } from '../filter-helpers.js';
import { compileFilter, dateRange, DateRange, textMatch, type FieldPath } from '../filters.js';
import type { OrderChoice } from '../list.js';
import { inAreaSubtree, scopeCondition } from '../scope.js';
import { WorkGroupMember } from './work-group-member.entity.js';

export const WorkGroupMemberConnection = connectionType(WorkGroupMember, 'WorkGroupMember', 'street work-group members (街道工作组成员)');

export enum WorkGroupMemberOrderField {
  ID = 'ID',
  NAME = 'NAME',
  JOINED_ON = 'JOINED_ON',
}
registerEnumType(WorkGroupMemberOrderField, {
  name: 'WorkGroupMemberOrderField',
  description: 'What work-group members can be ordered by.',
  valuesConfig: {
    ID: { description: 'Order of entry in the platform; the default.' },
    NAME: { description: 'Name (姓名), by Unicode code point (not pinyin).' },
    JOINED_ON: { description: 'Date joined the work group (加入日期).' },
  },
});

// About ten per street (≈1,100 for Jinan): any order sorts in memory; lists under a street use
// the (street_id, id) index.
const ORDER_COLUMNS: Record<WorkGroupMemberOrderField, string> = { ID: 'id', NAME: 'name', JOINED_ON: 'joined_on' };

@InputType('WorkGroupMemberOrder', { description: 'Order of a work-group member list; ties are broken by id.' })
export class WorkGroupMemberOrder {
  @Field(() => WorkGroupMemberOrderField, { description: 'The field to order by.' })
  field: WorkGroupMemberOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending or descending.' })
  direction: SortDirection;
}

export function workGroupMemberOrder(order: WorkGroupMemberOrder | null | undefined): OrderChoice {
  const field = order?.field ?? WorkGroupMemberOrderField.ID;
  return { key: field, column: ORDER_COLUMNS[field], direction: order?.direction ?? SortDirection.ASC };
}

@InputType('WorkGroupMemberFilter', {
  description: 'Conditions on street work-group members (工作组成员筛选). The fields given are ANDed; `and`, `or` and `not` combine whole filters.',
})
export class WorkGroupMemberFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Only members of the streets in this area and beneath it: an administrative division code (e.g. "370102", a 9-digit street code) or the id of an Area.',
  })
  scope?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: still serving (no leaving date); false: has left.' })
  isCurrent?: boolean | null;

  @Field(() => DateRange, { nullable: true, description: 'Joined (加入) within this range.' })
  joinedOn?: DateRange | null;

  @Field(() => DateRange, { nullable: true, description: 'Left (离开) within this range; members still serving are left out.' })
  leftOn?: DateRange | null;

  @Field(() => String, { nullable: true, description: 'Name or title contains this text (姓名或职务包含), case-insensitive; Chinese works.' })
  text?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: looks after at least one organization today (专包联系点, liaison point of kind WORK_GROUP); false: looks after none.',
  })
  hasLiaisonPoint?: boolean | null;

  @Field(() => [WorkGroupMemberFilter], { nullable: true, description: 'All of these filters.' })
  and?: WorkGroupMemberFilter[] | null;

  @Field(() => [WorkGroupMemberFilter], { nullable: true, description: 'Any of these filters.' })
  or?: WorkGroupMemberFilter[] | null;

  @Field(() => WorkGroupMemberFilter, { nullable: true, description: 'Not this filter.' })
  not?: WorkGroupMemberFilter | null;
}

/** The filter as SQL conditions on work-group-member alias `wg`. */
export function workGroupMemberConditions(filter: WorkGroupMemberFilter | null | undefined, path: FieldPath, wg = 'wg'): Sql[] {
  const col = (name: string) => raw(`${wg}.${name}`);
  return compileFilter(filter, path, (f, at) => [
    ...scopeCondition(f.scope, [...at, 'scope'], { Area: (id) => inAreaSubtree(col('street_id'), id) }),
    ...yesNo(raw(`${wg}.left_on IS NULL`), f.isCurrent),
    ...dateRange(col('joined_on'), f.joinedOn, [...at, 'joinedOn']),
    ...dateRange(col('left_on'), f.leftOn, [...at, 'leftOn']),
    ...textMatch([col('name'), col('title')], f.text, [...at, 'text']),
    ...yesNo(
      raw(
        `EXISTS (SELECT 1 FROM liaison_point __l WHERE __l.work_group_member_id = ${wg}.id AND __l.kind = 'WORK_GROUP' AND __l.until IS NULL)`,
      ),
      f.hasLiaisonPoint,
    ),
  ]);
}
