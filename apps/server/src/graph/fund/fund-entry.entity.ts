import { Node, registerNodeType } from '../node.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Area } from '../area/area.entity.js';
import { FundEntryKind, FundKind } from '../enums.js';
import { PartyOrganization } from '../party-organization/party-organization.entity.js';
import { DateTime, LocalDate, SafeInt } from '../scalars.js';

/**
 * 经费: one dated entitlement, allocation or disbursement, in fen (1 CNY = 100 fen). The GraphQL
 * type is `Fund` (the node of DOMAIN.md); each object is one entry of the ledger of funds.
 */
@ObjectType('Fund', {
  implements: Node,
  description:
    'Fund entry (经费记录): one dated entitlement (应拨), allocation (已拨) or disbursement (已支出) of Party-building working or startup funds for a district or street, in fen.',
})
@Entity({ name: 'fund_entry' })
export class FundEntry extends Node {
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Field(() => FundKind, { name: 'kind', description: 'Working or startup fund (经费类型).' })
  @Column({ name: 'fund', type: 'text' })
  fund: FundKind;

  @Field(() => FundEntryKind, { description: 'Entitled, allocated or disbursed (记录类型).' })
  @Column({ name: 'entry', type: 'text' })
  entry: FundEntryKind;

  /** The district or street the money is for. */
  @Column({ name: 'area_id', type: 'integer' })
  areaId: number;

  @ManyToOne(() => Area)
  @JoinColumn({ name: 'area_id' })
  area?: Relation<Area>;

  /** Startup funds are for one newly established Party organization. */
  @Column({ name: 'party_organization_id', type: 'integer', nullable: true })
  partyOrganizationId: number | null;

  @ManyToOne(() => PartyOrganization, { nullable: true })
  @JoinColumn({ name: 'party_organization_id' })
  partyOrganization?: Relation<PartyOrganization> | null;

  @Field(() => Int, { description: 'Budget year the money belongs to (年度).' })
  @Column({ name: 'year', type: 'integer' })
  year: number;

  @Field(() => SafeInt, { description: 'Amount in fen (金额, 分; 1 CNY = 100 fen).' })
  @Column({ name: 'amount_fen', type: 'bigint' })
  amountFen: number;

  @Field(() => LocalDate, { description: 'Date entered (记账日期).' })
  @Column({ name: 'entered_on', type: 'date' })
  enteredOn: string;

  @Field(() => String, { nullable: true, description: 'Note (备注), if any.' })
  @Column({ name: 'note', type: 'text', nullable: true })
  note: string | null;

  @Field(() => Int, {
    description: 'Version of this record (版本号), raised on every change. Pass it to an update: a stale version is refused with CONFLICT.',
  })
  @Column({ name: 'version', type: 'integer', default: 1 })
  version: number;

  @Field(() => DateTime, { description: 'When the record was created (创建时间).' })
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

registerNodeType(FundEntry, 'Fund');
