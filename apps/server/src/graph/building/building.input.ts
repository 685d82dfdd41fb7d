import { Field, InputType, registerEnumType } from 'type-graphql';
import { raw, sql, type Sql } from '../../sql/fragment.js';
import { connectionType, SortDirection } from '../connection.js';
import { activeOrganizationCount, fenRange, FenRange, yesNo } from '../filter-helpers.js';
import { compileFilter, dateRange, DateRange, intRange, IntRange, textMatch, type FieldPath } from '../filters.js';
import type { OrderChoice } from '../list.js';
import { inAreaSubtree, scopeCondition } from '../scope.js';
import { Building, HUNDRED_MILLION_CNY_IN_FEN } from './building.entity.js';

export const BuildingConnection = connectionType(Building, 'Building', 'buildings (楼宇)');

export enum BuildingOrderField {
  ID = 'ID',
  NAME = 'NAME',
  ANNUAL_TAX = 'ANNUAL_TAX',
  OPENED_ON = 'OPENED_ON',
}
registerEnumType(BuildingOrderField, {
  name: 'BuildingOrderField',
  description: 'What buildings can be ordered by.',
  valuesConfig: {
    ID: { description: 'Order of entry in the platform; the default.' },
    NAME: { description: 'Name (楼宇名称), by Unicode code point (not pinyin).' },
    ANNUAL_TAX: { description: 'Annual tax revenue (年纳税额); DESC lists the 亿元楼宇 first.' },
    OPENED_ON: { description: 'Date opened (启用日期).' },
  },
});

// Tax is indexed (annual_tax_fen, id); a city has a few hundred buildings, so name and date
// sort in memory at no cost.
const ORDER_COLUMNS: Record<BuildingOrderField, string> = { ID: 'id', NAME: 'name', ANNUAL_TAX: 'annual_tax_fen', OPENED_ON: 'opened_on' };

@InputType('BuildingOrder', { description: 'Order of a building list; ties are broken by id.' })
export class BuildingOrder {
  @Field(() => BuildingOrderField, { description: 'The field to order by.' })
  field: BuildingOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending or descending.' })
  direction: SortDirection;
}

export function buildingOrder(order: BuildingOrder | null | undefined): OrderChoice {
  const field = order?.field ?? BuildingOrderField.ID;
  return { key: field, column: ORDER_COLUMNS[field], direction: order?.direction ?? SortDirection.ASC };
}

@InputType('BuildingFilter', {
  description: 'Conditions on buildings (楼宇筛选). The fields given are ANDed; `and`, `or` and `not` combine whole filters.',
})
export class BuildingFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Only buildings in this scope and everything beneath it: an administrative division code (e.g. "370102", a 9-digit street code) or the id of an Area, a Park (buildings in the park) or a Building (that building).',
  })
  scope?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: stands in an industrial park (园区); false: in none.' })
  inPark?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: a 亿元楼宇 (annual tax of 100 million CNY or more); false: below that.',
  })
  isHundredMillionTaxBuilding?: boolean | null;

  @Field(() => FenRange, { nullable: true, description: 'Annual tax revenue (年纳税额) within this range, in fen (1 CNY = 100 fen).' })
  annualTaxFen?: FenRange | null;

  @Field(() => IntRange, { nullable: true, description: 'Number of floors (楼层数) within this range; buildings without a floor count are left out.' })
  floors?: IntRange | null;

  @Field(() => DateRange, { nullable: true, description: 'Opened (启用) within this range.' })
  openedOn?: DateRange | null;

  @Field(() => String, { nullable: true, description: 'Name or address contains this text (名称或地址包含), case-insensitive; Chinese works.' })
  text?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: a building Party organization (楼宇党组织, anchored on the building) stands today, not dissolved; false: none does.',
  })
  hasPartyOrganization?: boolean | null;

  @Field(() => IntRange, { nullable: true, description: 'Active organizations located in the building (楼宇内存续的两新组织数) within this range.' })
  organizationCount?: IntRange | null;

  @Field(() => [BuildingFilter], { nullable: true, description: 'All of these filters.' })
  and?: BuildingFilter[] | null;

  @Field(() => [BuildingFilter], { nullable: true, description: 'Any of these filters.' })
  or?: BuildingFilter[] | null;

  @Field(() => BuildingFilter, { nullable: true, description: 'Not this filter.' })
  not?: BuildingFilter | null;
}

/** The filter as SQL conditions on building alias `b`. */
export function buildingConditions(filter: BuildingFilter | null | undefined, path: FieldPath, b = 'b'): Sql[] {
  const col = (name: string) => raw(`${b}.${name}`);
  return compileFilter(filter, path, (f, at) => [
    ...scopeCondition(f.scope, [...at, 'scope'], {
      Area: (id) => inAreaSubtree(col('street_id'), id),
      Park: (id) => sql`${col('park_id')} = ${id}`,
      Building: (id) => sql`${col('id')} = ${id}`,
    }),
    ...yesNo(raw(`${b}.park_id IS NOT NULL`), f.inPark),
    ...yesNo(sql`${col('annual_tax_fen')} >= ${HUNDRED_MILLION_CNY_IN_FEN}::bigint`, f.isHundredMillionTaxBuilding),
    ...fenRange(col('annual_tax_fen'), f.annualTaxFen, [...at, 'annualTaxFen']),
    ...intRange(col('floors'), f.floors, [...at, 'floors']),
    ...dateRange(col('opened_on'), f.openedOn, [...at, 'openedOn']),
    ...textMatch([col('name'), col('address')], f.text, [...at, 'text']),
    ...yesNo(
      raw(`EXISTS (SELECT 1 FROM party_organization __po WHERE __po.building_id = ${b}.id AND __po.dissolved_on IS NULL)`),
      f.hasPartyOrganization,
    ),
    ...intRange(activeOrganizationCount('building_id', `${b}.id`), f.organizationCount, [...at, 'organizationCount']),
  ]);
}
