import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Area } from '../area/area.entity.js';
import type { MemberStage, RelationHolder } from '../enums.js';
import { Organization } from '../organization/organization.entity.js';
import { PartyOrganization } from '../party-organization/party-organization.entity.js';

/** The three ledgers (三个台账) a relation can sit in before it is transferred. */
export type Ledger = 'PERSONNEL_AGENCY' | 'TALENT_CENTER' | 'COMMUNITY';

/**
 * 党员 and those being developed. Personal data: name, gender, birth date, phone, identity
 * number and address stay inside the server unless a later, authorized field exposes them.
 */
@Entity({ name: 'party_member' })
export class PartyMember {
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Column({ name: 'name', type: 'text' })
  name: string;

  @Column({ name: 'gender', type: 'char', length: 1 })
  gender: 'M' | 'F';

  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  @Column({ name: 'phone', type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ name: 'id_number', type: 'varchar', length: 18, unique: true })
  idNumber: string;

  @Column({ name: 'address', type: 'text', nullable: true })
  address: string | null;

  @Column({ name: 'organization_id', type: 'integer' })
  organizationId: number;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;

  @Column({ name: 'employed_since', type: 'date' })
  employedSince: string;

  @Column({ name: 'stage', type: 'text' })
  stage: MemberStage;

  @Column({ name: 'applied_on', type: 'date' })
  appliedOn: string;

  @Column({ name: 'activist_on', type: 'date', nullable: true })
  activistOn: string | null;

  @Column({ name: 'candidate_on', type: 'date', nullable: true })
  candidateOn: string | null;

  @Column({ name: 'probationary_on', type: 'date', nullable: true })
  probationaryOn: string | null;

  @Column({ name: 'full_on', type: 'date', nullable: true })
  fullOn: string | null;

  @Column({ name: 'relation_holder', type: 'text' })
  relationHolder: RelationHolder;

  @Column({ name: 'party_organization_id', type: 'integer', nullable: true })
  partyOrganizationId: number | null;

  @ManyToOne(() => PartyOrganization, { nullable: true })
  @JoinColumn({ name: 'party_organization_id' })
  partyOrganization?: Relation<PartyOrganization> | null;

  @Column({ name: 'ledger', type: 'text', nullable: true })
  ledger: Ledger | null;

  @Column({ name: 'ledger_area_id', type: 'integer', nullable: true })
  ledgerAreaId: number | null;

  @ManyToOne(() => Area, { nullable: true })
  @JoinColumn({ name: 'ledger_area_id' })
  ledgerArea?: Relation<Area> | null;

  @Column({ name: 'ledger_since', type: 'date', nullable: true })
  ledgerSince: string | null;

  @Column({ name: 'transferred_on', type: 'date', nullable: true })
  transferredOn: string | null;

  @Column({ name: 'identity_revealed', type: 'boolean', default: false })
  identityRevealed: boolean;

  @Column({ name: 'revealed_on', type: 'date', nullable: true })
  revealedOn: string | null;

  @Column({ name: 'version', type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
