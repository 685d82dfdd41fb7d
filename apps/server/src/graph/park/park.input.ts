import { Field, InputType, registerEnumType } from 'type-graphql';
import { raw, sql, type Sql } from '../../sql/fragment.js';
import { connectionType, SortDirection } from '../connection.js';
import { ParkLevel } from '../enums.js';
import { activeOrganizationCount, yesNo } from '../filter-helpers.js';
import { compileFilter, dateRange, DateRange, intRange, IntRange, oneOfEnum, textMatch, type FieldPath } from '../filters.js';
import type { OrderChoice } from '../list.js';
import { inAreaSubtree, scopeCondition } from '../scope.js';
import { Park } from './park.entity.js';

export const ParkConnection = connectionType(Park, 'Park', 'parks (园区)');

export enum ParkOrderField {
  ID = 'ID',
  NAME = 'NAME',
  ESTABLISHED_ON = 'ESTABLISHED_ON',
}
registerEnumType(ParkOrderField, {
  name: 'ParkOrderField',
  description: 'What parks can be ordered by.',
  valuesConfig: {
    ID: { description: 'Order of entry in the platform; the default.' },
    NAME: { description: 'Name (园区名称), by Unicode code point (not pinyin).' },
    ESTABLISHED_ON: { description: 'Date established (设立日期).' },
  },
});

// Name is unique (indexed); a city has a few dozen parks, so the date needs no index.
const ORDER_COLUMNS: Record<ParkOrderField, string> = { ID: 'id', NAME: 'name', ESTABLISHED_ON: 'established_on' };

@InputType('ParkOrder', { description: 'Order of a park list; ties are broken by id.' })
export class ParkOrder {
  @Field(() => ParkOrderField, { description: 'The field to order by.' })
  field: ParkOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending or descending.' })
  direction: SortDirection;
}

export function parkOrder(order: ParkOrder | null | undefined): OrderChoice {
  const field = order?.field ?? ParkOrderField.ID;
  return { key: field, column: ORDER_COLUMNS[field], direction: order?.direction ?? SortDirection.ASC };
}

@InputType('ParkFilter', {
  description: 'Conditions on parks (园区筛选). The fields given are ANDed; `and`, `or` and `not` combine whole filters.',
})
export class ParkFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Only parks administered by this area or an area beneath it: an administrative division code (e.g. "370102") or the id of an Area; or the id of a Park (that park).',
  })
  scope?: string | null;

  @Field(() => [ParkLevel], { nullable: true, description: 'Any of these levels (级别).' })
  level?: ParkLevel[] | null;

  @Field(() => DateRange, { nullable: true, description: 'Established (设立) within this range.' })
  establishedOn?: DateRange | null;

  @Field(() => String, { nullable: true, description: 'Name contains this text (名称包含), case-insensitive; Chinese works.' })
  text?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: a park Party organization (园区党组织, anchored on the park) stands today, not dissolved; false: none does.',
  })
  hasPartyOrganization?: boolean | null;

  @Field(() => IntRange, { nullable: true, description: 'Active organizations located in the park (园区内存续的两新组织数) within this range.' })
  organizationCount?: IntRange | null;

  @Field(() => [ParkFilter], { nullable: true, description: 'All of these filters.' })
  and?: ParkFilter[] | null;

  @Field(() => [ParkFilter], { nullable: true, description: 'Any of these filters.' })
  or?: ParkFilter[] | null;

  @Field(() => ParkFilter, { nullable: true, description: 'Not this filter.' })
  not?: ParkFilter | null;
}

/** The filter as SQL conditions on park alias `p`. */
export function parkConditions(filter: ParkFilter | null | undefined, path: FieldPath, p = 'p'): Sql[] {
  const col = (name: string) => raw(`${p}.${name}`);
  return compileFilter(filter, path, (f, at) => [
    ...scopeCondition(f.scope, [...at, 'scope'], {
      Area: (id) => inAreaSubtree(col('area_id'), id),
      Park: (id) => sql`${col('id')} = ${id}`,
    }),
    ...oneOfEnum(col('level'), f.level),
    ...dateRange(col('established_on'), f.establishedOn, [...at, 'establishedOn']),
    ...textMatch([col('name')], f.text, [...at, 'text']),
    ...yesNo(
      raw(`EXISTS (SELECT 1 FROM party_organization __po WHERE __po.park_id = ${p}.id AND __po.dissolved_on IS NULL)`),
      f.hasPartyOrganization,
    ),
    ...intRange(activeOrganizationCount('park_id', `${p}.id`), f.organizationCount, [...at, 'organizationCount']),
  ]);
}
