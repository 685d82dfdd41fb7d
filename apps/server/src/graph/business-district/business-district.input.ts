import { Field, InputType, registerEnumType } from 'type-graphql';
import { raw, sql, type Sql } from '../../sql/fragment.js';
import { connectionType, SortDirection } from '../connection.js';
import { BusinessDistrictKind } from '../enums.js';
import { activeOrganizationCount, yesNo } from '../filter-helpers.js';
import { compileFilter, dateRange, DateRange, intRange, IntRange, oneOfEnum, textMatch, type FieldPath } from '../filters.js';
import type { OrderChoice } from '../list.js';
import { inAreaSubtree, scopeCondition } from '../scope.js';
import { BusinessDistrict } from './business-district.entity.js';

export const BusinessDistrictConnection = connectionType(BusinessDistrict, 'BusinessDistrict', 'business districts and markets (商圈 / 市场)');

export enum BusinessDistrictOrderField {
  ID = 'ID',
  NAME = 'NAME',
  OPENED_ON = 'OPENED_ON',
}
registerEnumType(BusinessDistrictOrderField, {
  name: 'BusinessDistrictOrderField',
  description: 'What business districts and markets can be ordered by.',
  valuesConfig: {
    ID: { description: 'Order of entry in the platform; the default.' },
    NAME: { description: 'Name (名称), by Unicode code point (not pinyin).' },
    OPENED_ON: { description: 'Date opened (开业日期).' },
  },
});

// A city has a hundred or two business districts and markets: any order sorts in memory.
const ORDER_COLUMNS: Record<BusinessDistrictOrderField, string> = { ID: 'id', NAME: 'name', OPENED_ON: 'opened_on' };

@InputType('BusinessDistrictOrder', { description: 'Order of a list of business districts and markets; ties are broken by id.' })
export class BusinessDistrictOrder {
  @Field(() => BusinessDistrictOrderField, { description: 'The field to order by.' })
  field: BusinessDistrictOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending or descending.' })
  direction: SortDirection;
}

export function businessDistrictOrder(order: BusinessDistrictOrder | null | undefined): OrderChoice {
  const field = order?.field ?? BusinessDistrictOrderField.ID;
  return { key: field, column: ORDER_COLUMNS[field], direction: order?.direction ?? SortDirection.ASC };
}

@InputType('BusinessDistrictFilter', {
  description:
    'Conditions on business districts and markets (商圈 / 市场筛选). The fields given are ANDed; `and`, `or` and `not` combine whole filters.',
})
export class BusinessDistrictFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Only those in this scope and everything beneath it: an administrative division code (e.g. "370102", a 9-digit street code) or the id of an Area or a BusinessDistrict (that one).',
  })
  scope?: string | null;

  @Field(() => [BusinessDistrictKind], { nullable: true, description: 'Any of these kinds (商圈 / 市场).' })
  kind?: BusinessDistrictKind[] | null;

  @Field(() => DateRange, { nullable: true, description: 'Opened (开业) within this range.' })
  openedOn?: DateRange | null;

  @Field(() => String, { nullable: true, description: 'Name contains this text (名称包含), case-insensitive; Chinese works.' })
  text?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: a business-district Party organization (商圈 / 市场党组织, anchored on it) stands today, not dissolved; false: none does.',
  })
  hasPartyOrganization?: boolean | null;

  @Field(() => IntRange, { nullable: true, description: 'Active organizations located in it (存续的两新组织数) within this range.' })
  organizationCount?: IntRange | null;

  @Field(() => [BusinessDistrictFilter], { nullable: true, description: 'All of these filters.' })
  and?: BusinessDistrictFilter[] | null;

  @Field(() => [BusinessDistrictFilter], { nullable: true, description: 'Any of these filters.' })
  or?: BusinessDistrictFilter[] | null;

  @Field(() => BusinessDistrictFilter, { nullable: true, description: 'Not this filter.' })
  not?: BusinessDistrictFilter | null;
}

/** The filter as SQL conditions on business-district alias `bd`. */
export function businessDistrictConditions(filter: BusinessDistrictFilter | null | undefined, path: FieldPath, bd = 'bd'): Sql[] {
  const col = (name: string) => raw(`${bd}.${name}`);
  return compileFilter(filter, path, (f, at) => [
    ...scopeCondition(f.scope, [...at, 'scope'], {
      Area: (id) => inAreaSubtree(col('street_id'), id),
      BusinessDistrict: (id) => sql`${col('id')} = ${id}`,
    }),
    ...oneOfEnum(col('kind'), f.kind),
    ...dateRange(col('opened_on'), f.openedOn, [...at, 'openedOn']),
    ...textMatch([col('name')], f.text, [...at, 'text']),
    ...yesNo(
      raw(`EXISTS (SELECT 1 FROM party_organization __po WHERE __po.business_district_id = ${bd}.id AND __po.dissolved_on IS NULL)`),
      f.hasPartyOrganization,
    ),
    ...intRange(activeOrganizationCount('business_district_id', `${bd}.id`), f.organizationCount, [...at, 'organizationCount']),
  ]);
}
