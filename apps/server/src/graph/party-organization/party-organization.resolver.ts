import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { Area } from '../area/area.entity.js';
import { Organization } from '../organization/organization.entity.js';
import { PartyMember } from '../party-member/party-member.entity.js';
import { required } from '../required.js';
import { PartyOrganizationAnchorTarget } from './party-organization-anchor.js';
import { PartyOrganization } from './party-organization.entity.js';
import { readsFromParent } from '../selected-columns.js';

type AnchorTarget = typeof PartyOrganizationAnchorTarget;

@Resolver(() => PartyOrganization)
export class PartyOrganizationResolver {
  @FieldResolver(() => Area, {
    description: 'The area it belongs to (所属区划): the street for most, the district or city for an area-level committee.',
  })
  async area(@Root() partyOrganization: PartyOrganization, @Ctx() { loaders }: Context): Promise<Area> {
    return required(await loaders.area.byId.load(partyOrganization.areaId), 'Area', partyOrganization.areaId);
  }

  @FieldResolver(() => PartyOrganization, { nullable: true, description: 'The Party organization one level up (上级党组织), if any.' })
  parent(@Root() partyOrganization: PartyOrganization, @Ctx() { loaders }: Context): Promise<PartyOrganization | null> | null {
    return partyOrganization.parentId === null ? null : loaders.partyOrganization.byId.load(partyOrganization.parentId);
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'The organization it is set up in (所在组织), for one anchored on an organization; null otherwise (see coveredOrganizations for all it covers).',
  })
  organization(@Root() partyOrganization: PartyOrganization, @Ctx() { loaders }: Context): Promise<Organization | null> | null {
    return partyOrganization.organizationId === null ? null : loaders.organization.byId.load(partyOrganization.organizationId);
  }

  @FieldResolver(() => PartyMember, { nullable: true, description: 'Its secretary (书记), if recorded. Personal data is masked.' })
  secretary(@Root() partyOrganization: PartyOrganization, @Ctx() { loaders }: Context): Promise<PartyMember | null> | null {
    return partyOrganization.secretaryMemberId === null ? null : loaders.partyMember.byId.load(partyOrganization.secretaryMemberId);
  }

  @FieldResolver(() => PartyOrganizationAnchorTarget, {
    nullable: true,
    description:
      'The object it is anchored on (依托对象), as `anchor` names it: the organization, park, building or business district; the street for a STREET committee; the district or city for an AREA committee; null for an INDUSTRY committee (see `industry`).',
  })
  anchoredOn(@Root() partyOrganization: PartyOrganization, @Ctx() { loaders }: Context): Promise<AnchorTarget | null> | null {
    const p = partyOrganization;
    switch (p.anchor) {
      case 'ORGANIZATION':
        return p.organizationId === null ? null : loaders.organization.byId.load(p.organizationId);
      case 'PARK':
        return p.parkId === null ? null : loaders.park.byId.load(p.parkId);
      case 'BUILDING':
        return p.buildingId === null ? null : loaders.building.byId.load(p.buildingId);
      case 'BUSINESS_DISTRICT':
        return p.businessDistrictId === null ? null : loaders.businessDistrict.byId.load(p.businessDistrictId);
      case 'STREET':
      case 'AREA':
        return loaders.area.byId.load(p.areaId);
      default:
        // INDUSTRY: an industry committee has no anchor object; `industry` names the section.
        return null;
    }
  }
}

// What the field resolvers above read from the Party organization row (graph/selected-columns.ts).
readsFromParent(PartyOrganization, {
  area: ['areaId'],
  parent: ['parentId'],
  organization: ['organizationId'],
  secretary: ['secretaryMemberId'],
  anchoredOn: ['anchor', 'organizationId', 'parkId', 'buildingId', 'businessDistrictId', 'areaId'],
});
