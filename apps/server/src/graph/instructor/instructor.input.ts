import { Field, InputType, registerEnumType } from 'type-graphql';
import { raw, sql, type Sql } from '../../sql/fragment.js';
import { connectionType, SortDirection } from '../connection.js';
import { yesNo } from '../filter-helpers.js';
import { compileFilter, dateRange, DateRange, intRange, IntRange, textMatch, type FieldPath } from '../filters.js';
import type { OrderChoice } from '../list.js';
import { inAreaSubtree, scopeCondition } from '../scope.js';
import { Instructor } from './instructor.entity.js';

export const InstructorConnection = connectionType(Instructor, 'Instructor', 'Party-building instructors (党建工作指导员)');

export enum InstructorOrderField {
  ID = 'ID',
}
registerEnumType(InstructorOrderField, {
  name: 'InstructorOrderField',
  description: 'What instructors can be ordered by (each indexed; more orders come with their indexes).',
  valuesConfig: {
    ID: { description: 'Order of entry in the platform.' },
  },
});

const ORDER_COLUMNS: Record<InstructorOrderField, string> = { ID: 'id' };

@InputType('InstructorOrder', { description: 'Order of an instructor list; ties are broken by id.' })
export class InstructorOrder {
  @Field(() => InstructorOrderField, { description: 'The field to order by.' })
  field: InstructorOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending or descending.' })
  direction: SortDirection;
}

export function instructorOrder(order: InstructorOrder | null | undefined): OrderChoice {
  const field = order?.field ?? InstructorOrderField.ID;
  return { key: field, column: ORDER_COLUMNS[field], direction: order?.direction ?? SortDirection.ASC };
}

@InputType('InstructorFilter', {
  description: 'Conditions on Party-building instructors (指导员筛选). The fields given are ANDed; `and`, `or` and `not` combine whole filters.',
})
export class InstructorFilter {
  @Field(() => String, {
    nullable: true,
    description: "Only instructors of this area's talent pool or of a pool beneath it (人才库所属区划): a division code or Area id.",
  })
  scope?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Only instructors currently assigned to an organization in this scope (指导的组织所在范围): a division code or Area id, a Park, Building or BusinessDistrict id, or a PartyOrganization id (organizations it covers).',
  })
  assignedIn?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: in the talent pool today (在库); false: has left it.' })
  inPool?: boolean | null;

  @Field(() => DateRange, { nullable: true, description: 'Joined the pool (入库) within this range.' })
  joinedPoolOn?: DateRange | null;

  @Field(() => DateRange, { nullable: true, description: 'Left the pool (出库) within this range.' })
  leftPoolOn?: DateRange | null;

  @Field(() => IntRange, { nullable: true, description: 'Number of current assignments (当前指导组织数), within this range.' })
  assignments?: IntRange | null;

  @Field(() => String, { nullable: true, description: 'Name or employer contains this text (姓名或工作单位包含), case-insensitive; Chinese works.' })
  text?: string | null;

  @Field(() => [InstructorFilter], { nullable: true, description: 'All of these filters.' })
  and?: InstructorFilter[] | null;

  @Field(() => [InstructorFilter], { nullable: true, description: 'Any of these filters.' })
  or?: InstructorFilter[] | null;

  @Field(() => InstructorFilter, { nullable: true, description: 'Not this filter.' })
  not?: InstructorFilter | null;
}

/** Instructor `i` holds a current assignment to an organization (alias `__io`) satisfying `condition`. */
function assignedWhere(i: string, condition: Sql): Sql {
  return sql`EXISTS (SELECT 1 FROM liaison_point __il JOIN organization __io ON __io.id = __il.organization_id WHERE __il.instructor_id = ${raw(`${i}.id`)} AND __il.kind = 'INSTRUCTOR' AND __il.until IS NULL AND ${condition})`;
}

/** The filter as SQL conditions on instructor alias `i`. */
export function instructorConditions(filter: InstructorFilter | null | undefined, path: FieldPath, i = 'i'): Sql[] {
  const col = (name: string) => raw(`${i}.${name}`);
  return compileFilter(filter, path, (f, at) => [
    ...scopeCondition(f.scope, [...at, 'scope'], { Area: (id) => inAreaSubtree(col('pool_area_id'), id) }),
    ...scopeCondition(f.assignedIn, [...at, 'assignedIn'], {
      Area: (id) => assignedWhere(i, inAreaSubtree(raw('__io.street_id'), id)),
      Park: (id) => assignedWhere(i, sql`__io.park_id = ${id}`),
      Building: (id) => assignedWhere(i, sql`__io.building_id = ${id}`),
      BusinessDistrict: (id) => assignedWhere(i, sql`__io.business_district_id = ${id}`),
      PartyOrganization: (id) =>
        assignedWhere(i, sql`__io.id IN (SELECT organization_id FROM party_organization_coverage WHERE party_organization_id = ${id} AND until IS NULL)`),
    }),
    ...yesNo(raw(`${i}.left_pool_on IS NULL`), f.inPool),
    ...dateRange(col('joined_pool_on'), f.joinedPoolOn, [...at, 'joinedPoolOn']),
    ...dateRange(col('left_pool_on'), f.leftPoolOn, [...at, 'leftPoolOn']),
    ...intRange(
      raw(`(SELECT count(*) FROM liaison_point __ia WHERE __ia.instructor_id = ${i}.id AND __ia.kind = 'INSTRUCTOR' AND __ia.until IS NULL)`),
      f.assignments,
      [...at, 'assignments'],
    ),
    ...textMatch([col('name'), col('employer')], f.text, [...at, 'text']),
  ]);
}
