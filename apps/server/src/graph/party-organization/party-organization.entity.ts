import { Node, registerNodeType } from '../node.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Area } from '../area/area.entity.js';
import { Building } from '../building/building.entity.js';
import { BusinessDistrict } from '../business-district/business-district.entity.js';
import { PartyOrganizationAnchor, PartyOrganizationFormation, PartyOrganizationKind } from '../enums.js';
import { Organization } from '../organization/organization.entity.js';
import { Park } from '../park/park.entity.js';
import { PartyMember } from '../party-member/party-member.entity.js';
import { DateTime, LocalDate } from '../scalars.js';

@ObjectType('PartyOrganization', {
  implements: Node,
  description:
    'Party organization (党组织): a Party committee, general branch or branch set up in one organization or jointly, or anchored on a park, building, business district, street or industry.',
})
@Entity({ name: 'party_organization' })
export class PartyOrganization extends Node {
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Field(() => String, { description: 'Name (党组织名称).' })
  @Column({ name: 'name', type: 'text' })
  name: string;

  @Field(() => PartyOrganizationKind, { description: 'Committee, general branch or branch (党委 / 党总支 / 党支部).' })
  @Column({ name: 'kind', type: 'text' })
  kind: PartyOrganizationKind;

  @Field(() => PartyOrganizationFormation, { description: 'Standalone or joint (单独组建 / 联合组建).' })
  @Column({ name: 'formation', type: 'text' })
  formation: PartyOrganizationFormation;

  @Field(() => PartyOrganizationAnchor, { description: 'What it is anchored on (依托).' })
  @Column({ name: 'anchor', type: 'text' })
  anchor: PartyOrganizationAnchor;

  /** The street for most; the district or city for a committee anchored on an area. */
  @Column({ name: 'area_id', type: 'integer' })
  areaId: number;

  @ManyToOne(() => Area)
  @JoinColumn({ name: 'area_id' })
  area?: Relation<Area>;

  @Column({ name: 'organization_id', type: 'integer', nullable: true })
  organizationId: number | null;

  @ManyToOne(() => Organization, { nullable: true })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization> | null;

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

  @Field(() => String, {
    nullable: true,
    description: 'Industry section (行业门类, GB/T 4754) of an industry Party committee (行业党委).',
  })
  @Column({ name: 'industry', type: 'char', length: 1, nullable: true })
  industry: string | null;

  @Column({ name: 'parent_id', type: 'integer', nullable: true })
  parentId: number | null;

  @ManyToOne(() => PartyOrganization, { nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<PartyOrganization> | null;

  @Field(() => LocalDate, { description: 'Date established (成立日期).' })
  @Column({ name: 'established_on', type: 'date' })
  establishedOn: string;

  @Field(() => LocalDate, { nullable: true, description: 'Date dissolved (撤销日期), if it was.' })
  @Column({ name: 'dissolved_on', type: 'date', nullable: true })
  dissolvedOn: string | null;

  @Column({ name: 'secretary_member_id', type: 'integer', nullable: true })
  secretaryMemberId: number | null;

  @ManyToOne(() => PartyMember, { nullable: true })
  @JoinColumn({ name: 'secretary_member_id' })
  secretary?: Relation<PartyMember> | null;

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

registerNodeType(PartyOrganization, 'PartyOrganization');
