import { Field, InputType, registerEnumType } from 'type-graphql';
import { raw, type Sql } from '../../sql/fragment.js';
import { connectionType, SortDirection } from '../connection.js';
import { ActivityKind } from '../enums.js';
import { compileFilter, dateRange, DateRange, intRange, IntRange, oneOfEnum, textMatch, type FieldPath } from '../filters.js';
import type { OrderChoice } from '../list.js';
import { viaPartyOrganizationScope } from '../party-organization/party-organization.input.js';
import { scopeCondition } from '../scope.js';
import { Activity } from './activity.entity.js';

export const ActivityConnection = connectionType(Activity, 'Activity', 'activities of Party organizations (党组织活动)');

export enum ActivityOrderField {
  ID = 'ID',
  HELD_ON = 'HELD_ON',
}
registerEnumType(ActivityOrderField, {
  name: 'ActivityOrderField',
  description: 'What activities can be ordered by (each indexed).',
  valuesConfig: {
    ID: { description: 'Order of entry in the platform.' },
    HELD_ON: { description: 'Date held (活动日期).' },
  },
});

const ORDER_COLUMNS: Record<ActivityOrderField, string> = { ID: 'id', HELD_ON: 'held_on' };

@InputType('ActivityOrder', { description: 'Order of an activity list; ties are broken by id.' })
export class ActivityOrder {
  @Field(() => ActivityOrderField, { description: 'The field to order by.' })
  field: ActivityOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending or descending.' })
  direction: SortDirection;
}

export function activityOrder(order: ActivityOrder | null | undefined): OrderChoice {
  const field = order?.field ?? ActivityOrderField.ID;
  return { key: field, column: ORDER_COLUMNS[field], direction: order?.direction ?? SortDirection.ASC };
}

@InputType('ActivityFilter', {
  description: 'Conditions on activities (活动筛选). The fields given are ANDed; `and`, `or` and `not` combine whole filters.',
})
export class ActivityFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Only activities of Party organizations in this scope and everything beneath it (as `PartyOrganizationFilter.scope`): a division code or Area id, a Park, Building or BusinessDistrict id, a PartyOrganization id (it and those beneath it).',
  })
  scope?: string | null;

  @Field(() => [ActivityKind], { nullable: true, description: 'Any of these kinds (活动类型).' })
  kind?: ActivityKind[] | null;

  @Field(() => DateRange, { nullable: true, description: 'Held (举办) within this range.' })
  heldOn?: DateRange | null;

  @Field(() => IntRange, { nullable: true, description: 'Participants (参加人数) within this range.' })
  participants?: IntRange | null;

  @Field(() => String, { nullable: true, description: 'Title contains this text (名称包含), case-insensitive; Chinese works.' })
  text?: string | null;

  @Field(() => [ActivityFilter], { nullable: true, description: 'All of these filters.' })
  and?: ActivityFilter[] | null;

  @Field(() => [ActivityFilter], { nullable: true, description: 'Any of these filters.' })
  or?: ActivityFilter[] | null;

  @Field(() => ActivityFilter, { nullable: true, description: 'Not this filter.' })
  not?: ActivityFilter | null;
}

/** The filter as SQL conditions on activity alias `ac`. */
export function activityConditions(filter: ActivityFilter | null | undefined, path: FieldPath, a = 'ac'): Sql[] {
  const col = (name: string) => raw(`${a}.${name}`);
  return compileFilter(filter, path, (f, at) => [
    ...scopeCondition(f.scope, [...at, 'scope'], viaPartyOrganizationScope(col('party_organization_id'))),
    ...oneOfEnum(col('kind'), f.kind),
    ...dateRange(col('held_on'), f.heldOn, [...at, 'heldOn']),
    ...intRange(col('participants'), f.participants, [...at, 'participants']),
    ...textMatch([col('title')], f.text, [...at, 'text']),
  ]);
}
