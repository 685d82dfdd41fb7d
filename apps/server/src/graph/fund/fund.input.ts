import { Field, InputType, registerEnumType } from 'type-graphql';
import { raw, type Sql } from '../../sql/fragment.js';
import { connectionType, SortDirection } from '../connection.js';
import { FundEntryKind, FundKind } from '../enums.js';
import { FenRange, fenRange } from '../filter-helpers.js';
import { compileFilter, dateRange, DateRange, intRange, IntRange, oneOfEnum, textMatch, type FieldPath } from '../filters.js';
import type { OrderChoice } from '../list.js';
import { viaPartyOrganizationScope } from '../party-organization/party-organization.input.js';
import { inAreaSubtree, scopeCondition } from '../scope.js';
import { FundEntry } from './fund-entry.entity.js';

export const FundConnection = connectionType(FundEntry, 'Fund', 'fund entries (经费记录)');

export enum FundOrderField {
  ID = 'ID',
  YEAR = 'YEAR',
}
registerEnumType(FundOrderField, {
  name: 'FundOrderField',
  description: 'What fund entries can be ordered by (each indexed).',
  valuesConfig: {
    ID: { description: 'Order of entry in the platform.' },
    YEAR: { description: 'Budget year (年度).' },
  },
});

const ORDER_COLUMNS: Record<FundOrderField, string> = { ID: 'id', YEAR: 'year' };

@InputType('FundOrder', { description: 'Order of a fund entry list; ties are broken by id.' })
export class FundOrder {
  @Field(() => FundOrderField, { description: 'The field to order by.' })
  field: FundOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending or descending.' })
  direction: SortDirection;
}

export function fundOrder(order: FundOrder | null | undefined): OrderChoice {
  const field = order?.field ?? FundOrderField.ID;
  return { key: field, column: ORDER_COLUMNS[field], direction: order?.direction ?? SortDirection.ASC };
}

@InputType('FundFilter', {
  description: 'Conditions on fund entries (经费筛选). The fields given are ANDed; `and`, `or` and `not` combine whole filters.',
})
export class FundFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Only entries in this scope and everything beneath it: a division code or Area id (money for the area or an area beneath it); a PartyOrganization id (startup funds of it or of a Party organization beneath it).',
  })
  scope?: string | null;

  @Field(() => [FundKind], { nullable: true, description: 'Any of these funds (经费类型).' })
  kind?: FundKind[] | null;

  @Field(() => [FundEntryKind], { nullable: true, description: 'Any of these kinds of entry (应拨 / 已拨 / 已支出).' })
  entry?: FundEntryKind[] | null;

  @Field(() => IntRange, { nullable: true, description: 'Budget year (年度) within this range.' })
  year?: IntRange | null;

  @Field(() => DateRange, { nullable: true, description: 'Entered (记账) within this range.' })
  enteredOn?: DateRange | null;

  @Field(() => FenRange, { nullable: true, description: 'Amount in fen (金额, 分) within this range.' })
  amountFen?: FenRange | null;

  @Field(() => String, { nullable: true, description: 'Note contains this text (备注包含), case-insensitive; Chinese works.' })
  text?: string | null;

  @Field(() => [FundFilter], { nullable: true, description: 'All of these filters.' })
  and?: FundFilter[] | null;

  @Field(() => [FundFilter], { nullable: true, description: 'Any of these filters.' })
  or?: FundFilter[] | null;

  @Field(() => FundFilter, { nullable: true, description: 'Not this filter.' })
  not?: FundFilter | null;
}

/** The filter as SQL conditions on fund entry alias `f`. */
export function fundConditions(filter: FundFilter | null | undefined, path: FieldPath, f = 'f'): Sql[] {
  const col = (name: string) => raw(`${f}.${name}`);
  return compileFilter(filter, path, (x, at) => [
    ...scopeCondition(x.scope, [...at, 'scope'], {
      Area: (id) => inAreaSubtree(col('area_id'), id),
      PartyOrganization: viaPartyOrganizationScope(col('party_organization_id')).PartyOrganization,
    }),
    ...oneOfEnum(col('fund'), x.kind),
    ...oneOfEnum(col('entry'), x.entry),
    ...intRange(col('year'), x.year, [...at, 'year']),
    ...dateRange(col('entered_on'), x.enteredOn, [...at, 'enteredOn']),
    ...fenRange(col('amount_fen'), x.amountFen, [...at, 'amountFen']),
    ...textMatch([col('note')], x.text, [...at, 'text']),
  ]);
}
