import { Node, registerNodeType } from '../node.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Area } from '../area/area.entity.js';
import { Building } from '../building/building.entity.js';
import { BusinessDistrict } from '../business-district/business-district.entity.js';
import { OrganizationCategory, OrganizationStatus, RegistrationSource } from '../enums.js';
import { MemberUnit } from '../member-unit/member-unit.entity.js';
import { Park } from '../park/park.entity.js';
import { DateTime, LocalDate } from '../scalars.js';

@ObjectType('Organization', {
  implements: Node,
  description:
    'Organization (两新组织): a non-public economic or social organization, identified by its unified social credit code (统一社会信用代码).',
})
@Entity({ name: 'organization' })
export class Organization extends Node {
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Field(() => String, { description: 'Unified social credit code (统一社会信用代码, GB 32100-2015), 18 characters.' })
  @Column({ name: 'credit_code', type: 'char', length: 18, unique: true })
  creditCode: string;

  @Field(() => String, { description: 'Registered name (名称).' })
  @Column({ name: 'name', type: 'text' })
  name: string;

  @Field(() => OrganizationCategory, { description: 'Non-public economic or social organization (组织类别).' })
  @Column({ name: 'category', type: 'text' })
  category: OrganizationCategory;

  @Field(() => String, { description: 'Industry section (行业门类, GB/T 4754), a letter A–T.' })
  @Column({ name: 'industry', type: 'char', length: 1 })
  industry: string;

  @Field(() => Int, { description: 'Number of employees (从业人员数).' })
  @Column({ name: 'employees', type: 'integer' })
  employees: number;

  @Field(() => LocalDate, { description: 'Date registered (登记日期).' })
  @Column({ name: 'registered_on', type: 'date' })
  registeredOn: string;

  @Field(() => LocalDate, { nullable: true, description: 'Date deregistered (注销日期), if it was.' })
  @Column({ name: 'deregistered_on', type: 'date', nullable: true })
  deregisteredOn: string | null;

  @Field(() => OrganizationStatus, { description: 'Registration status (登记状态).' })
  @Column({ name: 'status', type: 'text', default: 'ACTIVE' })
  status: OrganizationStatus;

  @Column({ name: 'street_id', type: 'integer' })
  streetId: number;

  @ManyToOne(() => Area)
  @JoinColumn({ name: 'street_id' })
  street?: Relation<Area>;

  @Column({ name: 'park_id', type: 'integer', nullable: true })
  parkId: number | null;

  @ManyToOne(() => Park, { nullable: true })
  @JoinColumn({ name: 'park_id' })
  park?: Relation<Park> | null;

  @Column({ name: 'building_id', type: 'integer', nullable: true })
  buildingId: number | null;

  @ManyToOne(() => Building, { nullable: true })
  @JoinColumn({ name: 'building_id' })
  building?: Relation<Building> | null;

  @Column({ name: 'business_district_id', type: 'integer', nullable: true })
  businessDistrictId: number | null;

  @ManyToOne(() => BusinessDistrict, { nullable: true })
  @JoinColumn({ name: 'business_district_id' })
  businessDistrict?: Relation<BusinessDistrict> | null;

  /** 业务主管单位 of a social organization: the member unit that answers for it. */
  @Column({ name: 'supervisory_unit_id', type: 'integer', nullable: true })
  supervisoryUnitId: number | null;

  @ManyToOne(() => MemberUnit, { nullable: true })
  @JoinColumn({ name: 'supervisory_unit_id' })
  supervisoryUnit?: Relation<MemberUnit> | null;

  @Field(() => String, { nullable: true, description: 'Address (地址).' })
  @Column({ name: 'address', type: 'text', nullable: true })
  address: string | null;

  @Field(() => Boolean, { description: 'Key organization (重点组织) followed closely by the working committees.' })
  @Column({ name: 'is_key', type: 'boolean', default: false })
  isKey: boolean;

  @Field(() => RegistrationSource, { description: 'Where the record came from (数据来源).' })
  @Column({ name: 'source', type: 'text', default: 'MANUAL' })
  source: RegistrationSource;

  @Field(() => Int, {
    nullable: true,
    description: 'Party members declared at a registration gate (登记时申报的党员数, 三个同步), as declared.',
  })
  @Column({ name: 'declared_party_members', type: 'integer', nullable: true })
  declaredPartyMembers: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether a Party organization was declared at a registration gate (登记时申报是否建有党组织), as declared.',
  })
  @Column({ name: 'declared_has_party_organization', type: 'boolean', nullable: true })
  declaredHasPartyOrganization: boolean | null;

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

registerNodeType(Organization, 'Organization');
