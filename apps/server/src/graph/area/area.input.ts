import { Field, InputType, registerEnumType } from 'type-graphql';
import { raw, sql, type Sql } from '../../sql/fragment.js';
import { connectionType, SortDirection } from '../connection.js';
import { AreaLevel } from '../enums.js';
import { yesNo } from '../filter-helpers.js';
import { compileFilter, oneOfEnum, textMatch, type FieldPath } from '../filters.js';
import type { OrderChoice } from '../list.js';
import { scopeCondition } from '../scope.js';
import { Area } from './area.entity.js';

export const AreaConnection = connectionType(Area, 'Area', 'areas (行政区划)');

export enum AreaOrderField {
  CODE = 'CODE',
  NAME = 'NAME',
  ID = 'ID',
}
registerEnumType(AreaOrderField, {
  name: 'AreaOrderField',
  description: 'What areas can be ordered by.',
  valuesConfig: {
    CODE: { description: 'Administrative division code (行政区划代码); the default. A parent sorts before its children.' },
    NAME: { description: 'Name (名称), by Unicode code point (not pinyin).' },
    ID: { description: 'Order of entry in the platform.' },
  },
});

// The area table holds about 1,300 rows for Jinan: ordering by an unindexed name costs nothing.
const ORDER_COLUMNS: Record<AreaOrderField, string> = { CODE: 'code', NAME: 'name', ID: 'id' };

@InputType('AreaOrder', { description: 'Order of an area list; ties are broken by id.' })
export class AreaOrder {
  @Field(() => AreaOrderField, { description: 'The field to order by.' })
  field: AreaOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending or descending.' })
  direction: SortDirection;
}

export function areaOrder(order: AreaOrder | null | undefined): OrderChoice {
  const field = order?.field ?? AreaOrderField.CODE;
  return { key: field, column: ORDER_COLUMNS[field], direction: order?.direction ?? SortDirection.ASC };
}

@InputType('AreaFilter', {
  description: 'Conditions on areas (行政区划筛选). The fields given are ANDed; `and`, `or` and `not` combine whole filters.',
})
export class AreaFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Only this area and the areas beneath it: an administrative division code (e.g. "370102" for 历下区) or the id of an Area.',
  })
  scope?: string | null;

  @Field(() => [AreaLevel], { nullable: true, description: 'Any of these levels (层级).' })
  level?: AreaLevel[] | null;

  @Field(() => String, { nullable: true, description: 'Name or division code contains this text (名称或代码包含), case-insensitive; Chinese works.' })
  text?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: the area has its own two-new working committee (两新工委; the city and districts); false: it has none.',
  })
  hasWorkingCommittee?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "true: a comprehensive Party committee (综合党委, a Party organization anchored on the street) stands in this street today; false: none does (for a street, a gap to close).",
  })
  hasComprehensivePartyCommittee?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: the street has at least one current work-group member (街道工作组成员, not left); false: it has none.',
  })
  hasWorkGroup?: boolean | null;

  @Field(() => [AreaFilter], { nullable: true, description: 'All of these filters.' })
  and?: AreaFilter[] | null;

  @Field(() => [AreaFilter], { nullable: true, description: 'Any of these filters.' })
  or?: AreaFilter[] | null;

  @Field(() => AreaFilter, { nullable: true, description: 'Not this filter.' })
  not?: AreaFilter | null;
}

/** The filter as SQL conditions on area alias `a`. */
export function areaConditions(filter: AreaFilter | null | undefined, path: FieldPath, a = 'a'): Sql[] {
  const col = (name: string) => raw(`${a}.${name}`);
  return compileFilter(filter, path, (f, at) => [
    ...scopeCondition(f.scope, [...at, 'scope'], { Area: (id) => sql`${col('path')} @> ARRAY[${id}]::int[]` }),
    ...oneOfEnum(col('level'), f.level),
    ...textMatch([col('name'), col('code')], f.text, [...at, 'text']),
    ...yesNo(raw(`EXISTS (SELECT 1 FROM working_committee __wc WHERE __wc.area_id = ${a}.id)`), f.hasWorkingCommittee),
    ...yesNo(
      raw(
        `EXISTS (SELECT 1 FROM party_organization __po WHERE __po.area_id = ${a}.id AND __po.anchor = 'STREET' AND __po.dissolved_on IS NULL)`,
      ),
      f.hasComprehensivePartyCommittee,
    ),
    ...yesNo(raw(`EXISTS (SELECT 1 FROM work_group_member __w WHERE __w.street_id = ${a}.id AND __w.left_on IS NULL)`), f.hasWorkGroup),
  ]);
}
