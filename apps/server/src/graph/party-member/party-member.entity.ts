import { Node, registerNodeType } from '../node.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Area } from '../area/area.entity.js';
import { Ledger, MemberStage, RelationHolder } from '../enums.js';
import { Organization } from '../organization/organization.entity.js';
import { PartyOrganization } from '../party-organization/party-organization.entity.js';
import { DateTime, LocalDate } from '../scalars.js';

/**
 * 党员 and those being developed. Personal data (name, gender, birth date, phone, identity
 * number, address) has no @Field here: the GraphQL fields `name`, `phone`, `idNumber` and
 * `address` are resolved, masked, in personal-data.ts, the one place that decides what of it a
 * caller may see. Gender and birth date are not exposed at all.
 */
@ObjectType('PartyMember', {
  implements: Node,
  description:
    'Party member (党员), or a person being developed (入党申请人 / 积极分子 / 发展对象), working in a two-new organization. Personal data is masked.',
})
@Entity({ name: 'party_member' })
export class PartyMember extends Node {
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

  @Field(() => LocalDate, { description: 'Employed by its organization since (入职日期).' })
  @Column({ name: 'employed_since', type: 'date' })
  employedSince: string;

  @Field(() => MemberStage, { description: 'Stage of development reached (发展阶段).' })
  @Column({ name: 'stage', type: 'text' })
  stage: MemberStage;

  @Field(() => LocalDate, { description: 'Date the application was made (递交入党申请日期).' })
  @Column({ name: 'applied_on', type: 'date' })
  appliedOn: string;

  @Field(() => LocalDate, { nullable: true, description: 'Date named an activist (确定为积极分子日期), if reached.' })
  @Column({ name: 'activist_on', type: 'date', nullable: true })
  activistOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Date named a candidate for development (确定为发展对象日期), if reached.' })
  @Column({ name: 'candidate_on', type: 'date', nullable: true })
  candidateOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Date admitted as a probationary member (接收为预备党员日期), if reached.' })
  @Column({ name: 'probationary_on', type: 'date', nullable: true })
  probationaryOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Date made a full member (转为正式党员日期), if reached.' })
  @Column({ name: 'full_on', type: 'date', nullable: true })
  fullOn: string | null;

  @Field(() => RelationHolder, { description: 'Where the organizational relation (组织关系) is held now.' })
  @Column({ name: 'relation_holder', type: 'text' })
  relationHolder: RelationHolder;

  @Column({ name: 'party_organization_id', type: 'integer', nullable: true })
  partyOrganizationId: number | null;

  @ManyToOne(() => PartyOrganization, { nullable: true })
  @JoinColumn({ name: 'party_organization_id' })
  partyOrganization?: Relation<PartyOrganization> | null;

  @Field(() => Ledger, {
    nullable: true,
    description: 'The ledger (台账) the relation sits in, or sat in before it was transferred; null if it never did.',
  })
  @Column({ name: 'ledger', type: 'text', nullable: true })
  ledger: Ledger | null;

  @Column({ name: 'ledger_area_id', type: 'integer', nullable: true })
  ledgerAreaId: number | null;

  @ManyToOne(() => Area, { nullable: true })
  @JoinColumn({ name: 'ledger_area_id' })
  ledgerArea?: Relation<Area> | null;

  @Field(() => LocalDate, { nullable: true, description: 'In the ledger since (进入台账日期), if ever in one.' })
  @Column({ name: 'ledger_since', type: 'date', nullable: true })
  ledgerSince: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Date the relation was transferred out of a ledger into a two-new Party organization (组织关系转入日期), if it was.',
  })
  @Column({ name: 'transferred_on', type: 'date', nullable: true })
  transferredOn: string | null;

  @Field(() => Boolean, { description: 'Whether the member has revealed the Party identity at work (亮明身份).' })
  @Column({ name: 'identity_revealed', type: 'boolean', default: false })
  identityRevealed: boolean;

  @Field(() => LocalDate, { nullable: true, description: 'Date the identity was revealed (亮明身份日期), if it was.' })
  @Column({ name: 'revealed_on', type: 'date', nullable: true })
  revealedOn: string | null;

  @Field(() => Int, {
    description: 'Version of this record (版本号), raised on every change. Pass it to an update: a stale version is refused with CONFLICT.',
  })
  @Column({ name: 'version', type: 'integer', default: 1 })
  version: number;

  @Field(() => DateTime, { description: 'When the record was created (创建时间).' })
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Field(() => DateTime, { description: 'When the record was last changed (更新时间).' })
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

registerNodeType(PartyMember, 'PartyMember');
