import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Area } from '../area/area.entity.js';
import type { FundEntryKind, FundKind } from '../enums.js';
import { PartyOrganization } from '../party-organization/party-organization.entity.js';

/** 经费: one dated entitlement, allocation or disbursement, in fen (1 CNY = 100 fen). */
@Entity({ name: 'fund_entry' })
export class FundEntry {
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Column({ name: 'fund', type: 'text' })
  fund: FundKind;

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

  @Column({ name: 'year', type: 'integer' })
  year: number;

  @Column({ name: 'amount_fen', type: 'bigint' })
  amountFen: number;

  @Column({ name: 'entered_on', type: 'date' })
  enteredOn: string;

  @Column({ name: 'note', type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
