import { Field, InputType, registerEnumType } from 'type-graphql';
import { raw, sql, type Sql } from '../../sql/fragment.js';
import { connectionType, SortDirection } from '../connection.js';
import { Ledger, MemberStage, RelationHolder } from '../enums.js';
import { yesNo } from '../filter-helpers.js';
import { compileFilter, dateRange, DateRange, oneOfEnum, type FieldPath } from '../filters.js';
import type { OrderChoice } from '../list.js';
import { viaPartyOrganizationScope } from '../party-organization/party-organization.input.js';
import { inAreaSubtree, scopeCondition } from '../scope.js';
import { PartyMember } from './party-member.entity.js';

export const PartyMemberConnection = connectionType(PartyMember, 'PartyMember', 'Party members (党员)');

export enum PartyMemberOrderField {
  ID = 'ID',
  APPLIED_ON = 'APPLIED_ON',
}
registerEnumType(PartyMemberOrderField, {
  name: 'PartyMemberOrderField',
  description: 'What Party members can be ordered by (each indexed). Never by name: names are personal data.',
  valuesConfig: {
    ID: { description: 'Order of entry in the platform.' },
    APPLIED_ON: { description: 'Date of the application to join (递交入党申请日期).' },
  },
});

const ORDER_COLUMNS: Record<PartyMemberOrderField, string> = {
  ID: 'id',
  APPLIED_ON: 'applied_on',
};

@InputType('PartyMemberOrder', { description: 'Order of a Party member list; ties are broken by id.' })
export class PartyMemberOrder {
  @Field(() => PartyMemberOrderField, { description: 'The field to order by.' })
  field: PartyMemberOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending or descending.' })
  direction: SortDirection;
}

export function partyMemberOrder(order: PartyMemberOrder | null | undefined): OrderChoice {
  const field = order?.field ?? PartyMemberOrderField.ID;
  return { key: field, column: ORDER_COLUMNS[field], direction: order?.direction ?? SortDirection.ASC };
}

@InputType('PartyMemberFilter', {
  description:
    'Conditions on Party members (党员筛选). The fields given are ANDed; `and`, `or` and `not` combine whole filters. There is deliberately no search by name, phone or identity number: they are personal data.',
})
export class PartyMemberFilter {
  @Field(() => String, {
    nullable: true,
    description:
      "Only members in this scope and everything beneath it: an administrative division code or Area id, a Park, Building or BusinessDistrict id (by where the member's organization is located); a PartyOrganization id (relation held in it or in any Party organization beneath it).",
  })
  scope?: string | null;

  @Field(() => [MemberStage], { nullable: true, description: 'Any of these stages (发展阶段).' })
  stage?: MemberStage[] | null;

  @Field(() => [RelationHolder], { nullable: true, description: 'Relation held now by any of these (组织关系所在).' })
  relationHolder?: RelationHolder[] | null;

  @Field(() => [Ledger], { nullable: true, description: 'In, or transferred out of, any of these ledgers (台账).' })
  ledger?: Ledger[] | null;

  @Field(() => String, {
    nullable: true,
    description: "The ledger's area (台账所在区划: the talent centre's district or the community) is this area or beneath it: a division code or Area id.",
  })
  ledgerArea?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: the relation still sits in one of the three ledgers (仍在台账, not yet transferred: the stock 存量 of the ledgers); false: it does not.',
  })
  inLedger?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'true: transferred out of a ledger into a two-new Party organization (已转入); false: not.' })
  transferred?: boolean | null;

  @Field(() => DateRange, { nullable: true, description: 'Transferred (组织关系转入) within this range.' })
  transferredOn?: DateRange | null;

  @Field(() => Boolean, { nullable: true, description: 'true: has revealed the Party identity (已亮明身份); false: has not.' })
  identityRevealed?: boolean | null;

  @Field(() => DateRange, { nullable: true, description: 'Revealed the identity (亮明身份) within this range.' })
  revealedOn?: DateRange | null;

  @Field(() => DateRange, { nullable: true, description: 'Applied to join (递交入党申请) within this range.' })
  appliedOn?: DateRange | null;

  @Field(() => DateRange, { nullable: true, description: 'Became a full member (转正) within this range.' })
  fullOn?: DateRange | null;

  @Field(() => [PartyMemberFilter], { nullable: true, description: 'All of these filters.' })
  and?: PartyMemberFilter[] | null;

  @Field(() => [PartyMemberFilter], { nullable: true, description: 'Any of these filters.' })
  or?: PartyMemberFilter[] | null;

  @Field(() => PartyMemberFilter, { nullable: true, description: 'Not this filter.' })
  not?: PartyMemberFilter | null;
}

/** Rows of organization whose location satisfies `condition` on alias `__mo`. */
function employerWhere(m: string, condition: Sql): Sql {
  return sql`${raw(`${m}.organization_id`)} IN (SELECT __mo.id FROM organization __mo WHERE ${condition})`;
}

/** The filter as SQL conditions on Party member alias `m`. */
export function partyMemberConditions(filter: PartyMemberFilter | null | undefined, path: FieldPath, m = 'm'): Sql[] {
  const col = (name: string) => raw(`${m}.${name}`);
  return compileFilter(filter, path, (f, at) => [
    ...scopeCondition(f.scope, [...at, 'scope'], {
      Area: (id) => employerWhere(m, inAreaSubtree(raw('__mo.street_id'), id)),
      Park: (id) => employerWhere(m, sql`__mo.park_id = ${id}`),
      Building: (id) => employerWhere(m, sql`__mo.building_id = ${id}`),
      BusinessDistrict: (id) => employerWhere(m, sql`__mo.business_district_id = ${id}`),
      PartyOrganization: viaPartyOrganizationScope(col('party_organization_id')).PartyOrganization,
    }),
    ...oneOfEnum(col('stage'), f.stage),
    ...oneOfEnum(col('relation_holder'), f.relationHolder),
    ...oneOfEnum(col('ledger'), f.ledger),
    ...scopeCondition(f.ledgerArea, [...at, 'ledgerArea'], { Area: (id) => inAreaSubtree(col('ledger_area_id'), id) }),
    ...yesNo(raw(`${m}.relation_holder IN ('PERSONNEL_AGENCY', 'TALENT_CENTER', 'COMMUNITY')`), f.inLedger),
    ...yesNo(raw(`${m}.transferred_on IS NOT NULL`), f.transferred),
    ...dateRange(col('transferred_on'), f.transferredOn, [...at, 'transferredOn']),
    ...yesNo(col('identity_revealed'), f.identityRevealed),
    ...dateRange(col('revealed_on'), f.revealedOn, [...at, 'revealedOn']),
    ...dateRange(col('applied_on'), f.appliedOn, [...at, 'appliedOn']),
    ...dateRange(col('full_on'), f.fullOn, [...at, 'fullOn']),
  ]);
}
